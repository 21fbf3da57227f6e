/** What a person looks at: comparison tables and plots of runs (HTML, text, SVG). */
module io.jruns.views {
    requires io.jruns.tracking;
    requires com.fasterxml.jackson.databind;
    requires org.commonmark;

    exports io.jruns.views;
    exports io.jruns.views.format;
    exports io.jruns.views.html;
    exports io.jruns.views.series;
    exports io.jruns.views.text;
}
