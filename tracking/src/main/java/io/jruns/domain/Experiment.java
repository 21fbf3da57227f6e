package io.jruns.domain;

import java.util.Map;

/** An experiment: a named group of runs. Ids are strings, as on MLflow's wire. */
public record Experiment(
        String experimentId,
        String name,
        String artifactLocation,
        LifecycleStage lifecycleStage,
        long creationTime,
        long lastUpdateTime,
        Map<String, String> tags) {

    public static final String DEFAULT_ID = "0";
    public static final String DEFAULT_NAME = "Default";
    /**
     * Oldest first; experiments made in one millisecond by id, shorter first, so MLflow's
     * numeric ids sort as numbers and the order never depends on how a server listed them.
     */
    public static final java.util.Comparator<Experiment> OLDEST_FIRST = java.util.Comparator
            .comparingLong(Experiment::creationTime).thenComparingInt((Experiment e) -> e.experimentId().length())
            .thenComparing(Experiment::experimentId);

    public Experiment {
        tags = Map.copyOf(tags);
    }
}
