package io.jruns.domain;

/**
 * Every system tag name jruns sets or reads: MLflow's (prefixed {@code mlflow.}), the few jruns
 * adds (prefixed {@code jruns.}), and {@code java.version}. Other code names tags only through these.
 */
public final class SystemTags {
    public static final String RUN_NAME = "mlflow.runName";
    public static final String USER = "mlflow.user";
    public static final String SOURCE_NAME = "mlflow.source.name";
    public static final String SOURCE_TYPE = "mlflow.source.type";
    /** Experiment tag (Databricks'): the notebook a notebook experiment belongs to. */
    public static final String EXPERIMENT_SOURCE_NAME = "mlflow.experiment.sourceName";
    /**
     * Experiment tag: the real path (symbolic links followed) of the notebook file it belongs to,
     * so the file is one notebook however it is reached, and a link that now leads to another
     * file is another notebook.
     */
    public static final String EXPERIMENT_SOURCE_FILE = "jruns.experiment.sourceFile";
    public static final String GIT_COMMIT = "mlflow.source.git.commit";
    public static final String GIT_BRANCH = "mlflow.source.git.branch";
    public static final String GIT_REPO_URL = "mlflow.source.git.repoURL";
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";
    public static final String NOTE = "mlflow.note.content";
    public static final String LOG_MODEL_HISTORY = "mlflow.log-model.history";
    /** Why a run was ended as KILLED by someone other than its owner. */
    public static final String KILLED_REASON = "jruns.killed.reason";

    /** "true" when the git working tree had uncommitted changes to tracked files, or the notebook was in no commit. */
    public static final String GIT_DIRTY = "jruns.source.git.dirty";
    /**
     * "true" when the commit ({@link #GIT_COMMIT}, the repository's HEAD) does not hold the
     * notebook: it was never committed (untracked, ignored or only staged). Absent otherwise.
     */
    public static final String GIT_UNTRACKED = "jruns.source.git.untracked";
    /**
     * The git repository's top folder as the run's machine saw it: with an absolute
     * {@link #SOURCE_NAME}, where the code is in the commit ({@code jruns reproduce} of a program).
     */
    public static final String GIT_ROOT = "jruns.source.git.root";
    /** The run's Java version (the JVM's java.version property). */
    public static final String JAVA_VERSION = "java.version";

    /** SHA-256 of the notebook file that made the run (set by the jruns kernel). */
    public static final String NOTEBOOK_REVISION = "jruns.notebook.revision";
    /** The -p options of the jruns execute that made the run, as typed: a reproduction needs them too. */
    public static final String EXECUTE_PARAMETERS = "jruns.execute.parameters";
    /** The ids of the cells that ran while the run was open (and the one that ended it), in order, comma-separated. */
    public static final String NOTEBOOK_CELL_IDS = "jruns.notebook.cellIds";
    /** The id of the notebook cell that started the run. */
    public static final String NOTEBOOK_START_CELL_ID = "jruns.notebook.startCellId";
    /** The id of the notebook cell that ended the run. */
    public static final String NOTEBOOK_END_CELL_ID = "jruns.notebook.endCellId";
    /** "true" when the code that ran differs from the saved notebook file (edited cells run before saving). */
    public static final String NOTEBOOK_UNSAVED = "jruns.notebook.unsaved";
    /** The jruns kernel that ran the notebook, e.g. "jruns-kernel 0.1.0". */
    public static final String KERNEL_VERSION = "jruns.kernel.version";
    /** The name of the Jupyter kernelspec the notebook ran with. */
    public static final String KERNEL_SPEC = "jruns.kernel.spec";

    /** The run's Java version and vendor, searchable (environment.json holds the rest). */
    public static final String ENV_JAVA = "jruns.env.java";
    /** The run's operating system: name, version, architecture. */
    public static final String ENV_OS = "jruns.env.os";
    /** How many processors the run's JVM saw. */
    public static final String ENV_CPUS = "jruns.env.cpus";
    /** The run's maximum heap in MiB. */
    public static final String ENV_HEAP_MAX_MB = "jruns.env.heapMaxMb";
    /** How many libraries were on the run's classpath. */
    public static final String ENV_LIBRARIES = "jruns.env.libraries";

    /** On a copied run: the id of the run it was copied from; a copy of a copy names the original run. */
    public static final String COPY_SOURCE_RUN_ID = "jruns.source.runId";
    /** On a copied run: the tracking URI of the store holding that run. */
    public static final String COPY_SOURCE_URI = "jruns.source.uri";
    /** On a copied run, set last: when the copy was completed (epoch ms); without it the copy was interrupted. */
    public static final String COPIED_AT = "jruns.source.copiedAt";
    /**
     * On a copy whose copying was stopped before it was complete, deleted when copied again:
     * "true". Its deletion time is the epoch, so the next gc purges it.
     */
    public static final String COPY_INCOMPLETE = "jruns.source.incomplete";
    /** On a tracking server, which keeps no deleted time: when jruns deleted the run (epoch ms). */
    public static final String DELETED_TIME = "jruns.deletedTime";

    private SystemTags() {
    }

    /** A tag jruns or MLflow sets, as opposed to one of the user's. */
    public static boolean isSystem(String key) {
        return key.startsWith("mlflow.") || key.startsWith("jruns.") || key.equals(JAVA_VERSION);
    }
}
