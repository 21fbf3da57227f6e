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

    /** Called once a run exists, e.g. to store the notebook file with it. */
    default void onRunStarted(ActiveRun run) {
    }
}
