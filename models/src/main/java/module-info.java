/** Logged models, prediction snippets, run environments and reproducing a run's notebook. */
module io.jruns.models {
    requires io.jruns.tracking;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires java.management;
    requires jdk.management;
    requires java.sql;

    exports io.jruns.model;
    exports io.jruns.snippet;
    exports io.jruns.reproduce;
    exports io.jruns.source;

    provides io.jruns.RunContext with io.jruns.reproduce.ProgramRunContext;
}
