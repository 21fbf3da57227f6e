package io.jruns.domain;

/** Which lifecycle stages a listing includes (MLflow's run_view_type). */
public enum ViewType {
    ACTIVE_ONLY, DELETED_ONLY, ALL;

    public boolean includes(LifecycleStage stage) {
        return switch (this) {
            case ACTIVE_ONLY -> stage == LifecycleStage.ACTIVE;
            case DELETED_ONLY -> stage == LifecycleStage.DELETED;
            case ALL -> true;
        };
    }
}
