package io.jruns.domain;

/** Whether an experiment or run is live or soft-deleted (MLflow's lifecycle_stage). */
public enum LifecycleStage {
    ACTIVE, DELETED;

    /** The lower-case word MLflow uses on the wire and in meta.yaml. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LifecycleStage fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
