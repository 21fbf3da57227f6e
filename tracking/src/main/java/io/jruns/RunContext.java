package io.jruns;

import java.util.Map;

/**
 * Supplies the tags every new run carries automatically (source, user, versions). The
 * default describes a plain Java program; the notebook kernel installs one that names the
 * notebook and its revision.
 */
@FunctionalInterface
public interface RunContext {
    Map<String, String> tags();

    /**
     * The experiment runs go to when the user has not chosen one (a notebook's own
     * experiment, named after its path); empty means MLflow's "Default".
     */
    default java.util.Optional<String> defaultExperimentName() {
        return java.util.Optional.empty();
    }

    /**
     * What owns the default experiment (a notebook's absolute path, as opened: a path through
     * symbolic links finds the experiment of the file it leads to): another source whose
     * default has the same name gets an experiment of its own (see DefaultExperiments).
     */
    default java.util.Optional<String> defaultExperimentSource() {
        return java.util.Optional.empty();
    }

    /** Called once a run exists, e.g. to store the notebook file with it. */
    default void onRunStarted(ActiveRun run) {
    }

    /** What a plain Java program's runs record: source LOCAL, named after the main class, the user. */
    static RunContext plainProgram() {
        return new DefaultRunContext();
    }

    /**
     * The context of a program that chose none: one found with {@link java.util.ServiceLoader}
     * (jruns-models adds the program's environment this way), else {@link #plainProgram()}.
     */
    static RunContext installed() {
        return java.util.ServiceLoader.load(RunContext.class, RunContext.class.getClassLoader())
                .findFirst().orElseGet(RunContext::plainProgram);
    }
}
