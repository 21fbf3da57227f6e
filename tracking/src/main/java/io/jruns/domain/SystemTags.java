package io.jruns.domain;

/** MLflow's system tag names, plus the few jruns adds (prefixed {@code jruns.}). */
public final class SystemTags {
    public static final String RUN_NAME = "mlflow.runName";
    public static final String USER = "mlflow.user";
    public static final String SOURCE_NAME = "mlflow.source.name";
    public static final String SOURCE_TYPE = "mlflow.source.type";
    public static final String GIT_COMMIT = "mlflow.source.git.commit";
    public static final String GIT_BRANCH = "mlflow.source.git.branch";
    public static final String GIT_REPO_URL = "mlflow.source.git.repoURL";
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";
    public static final String NOTE = "mlflow.note.content";
    public static final String LOG_MODEL_HISTORY = "mlflow.log-model.history";
    /** Why a run was ended as KILLED by someone other than its owner. */
    public static final String KILLED_REASON = "jruns.killed.reason";

    private SystemTags() {
    }
}
