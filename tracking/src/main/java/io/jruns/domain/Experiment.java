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

    public Experiment {
        tags = Map.copyOf(tags);
    }
}
