package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.internal.manage.ExperimentRefs;
import io.jruns.internal.validate.Validation;
import io.jruns.internal.validate.ValueText;
import io.jruns.store.GcResult;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads runs and experiments and works on any run by id, on one store (MLflow's
 * {@code MlflowClient}): {@code try (TrackingClient c = TrackingClient.open("sqlite:///runs.db")) {...}}.
 * Logging calls are validated here and written by a background writer; reads flush it first,
 * so they see everything logged before them. The {@link Jruns} facade keeps one client.
 * The logging path is {@link RunLogging}; how runs are named and found is {@link RunScope}.
 */
public final class TrackingClient implements AutoCloseable {
    private final TrackingUri uri;
    final Store store;
    private final RunLogging logging;
    private final RunScope scope;

    private TrackingClient(TrackingUri uri, Store store) {
        this.uri = uri;
        this.store = store;
        this.logging = new RunLogging(store);
        this.scope = new RunScope(store, logging::flush);
    }

    /** A client of the store the URI names ({@link TrackingUri}); null chooses as the environment says. */
    public static TrackingClient open(String uri) {
        return open(TrackingUri.resolve(uri), System.getenv());
    }

    /** A client of the store the URI names, with credentials and settings read from {@code env}. */
    public static TrackingClient open(TrackingUri uri, Map<String, String> env) {
        return new TrackingClient(uri, Stores.open(uri, env));
    }

    /** A client over a store already open; closing the client closes the store. */
    public static TrackingClient of(Store store) {
        return new TrackingClient(null, store);
    }

    void defaultExperiment(Supplier<String> experimentId) {
        scope.defaultExperiment(experimentId);
    }

    public String trackingUri() {
        return uri != null ? uri.toString() : store.describe();
    }

    /**
     * The store underneath, for tools that work store to store (export, import, copy). Runs
     * this client started are in it: a start still queued is written first.
     */
    public Store store() {
        logging.awaitStarts();
        return store;
    }

    // ---- reading

    public Run getRun(String runId) {
        Validation.required(runId, "a run id");
        flush();
        return store.getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist in "
                + store.describe()));
    }

    public Optional<Experiment> getExperiment(String experimentId) {
        return store.getExperiment(experimentId);
    }

    public Optional<Experiment> getExperimentByName(String name) {
        return store.getExperimentByName(name);
    }

    /** An experiment by name, else by id (names win: a name may look like an id); an error names the store. */
    public Experiment experiment(String nameOrId) {
        return ExperimentRefs.resolve(store, nameOrId);
    }

    public List<Experiment> listExperiments() {
        return listExperiments(ViewType.ACTIVE_ONLY);
    }

    public List<Experiment> listExperiments(ViewType viewType) {
        return store.listExperiments(viewType);
    }

    public String createExperiment(String name) {
        Validation.experimentName(name);
        return store.createExperiment(name, null, Map.of());
    }

    /** Active runs of the experiments, newest first. */
    public List<Run> listRuns(String... experimentIds) {
        return listRuns(List.of(experimentIds), ViewType.ACTIVE_ONLY, 1000);
    }

    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        flush();
        return store.listRuns(experimentIds, viewType, maxResults);
    }

    /** Every point of a metric, in the order logged. */
    public List<Metric> getMetricHistory(String runId, String key) {
        flush();
        return store.getMetricHistory(runId, key);
    }

    public List<FileInfo> listArtifacts(String runId) {
        return listArtifacts(runId, "");
    }

    public List<FileInfo> listArtifacts(String runId, String path) {
        logging.awaitWritten();
        return store.listArtifacts(runId, path);
    }

    /** A local path to read the artifact from. */
    public Path downloadArtifact(String runId, String path) {
        logging.awaitWritten();
        return store.downloadArtifact(runId, path);
    }

    // ---- writing to any run by id: validated at the call, written by the writer

    /**
     * Creates a run (RUNNING) in an experiment; the tags and the experiment are checked first.
     * Its id is usable at once; on the embedded store its row is written by the writer with
     * the values logged next (many runs a transaction), and reads through this client see it.
     */
    public RunInfo createRun(String experimentId, String runName, Map<String, String> tags, String user) {
        return logging.createRun(experimentId, runName, tags, user);
    }

    public void logMetric(String runId, String key, double value, long step) {
        logging.metric(runId, key, value, step);
    }

    public void logParam(String runId, String key, Object value) {
        logging.param(runId, key, value);
    }

    public void setTag(String runId, String key, Object value) {
        logging.tag(runId, key, value);
    }

    /** Comes after a queued set of the same tag. */
    public void deleteTag(String runId, String key) {
        logging.deleteTag(runId, key);
    }

    /** Copies a file, or a folder's contents, into the run's artifacts under {@code artifactPath}. */
    public void logArtifact(String runId, Path local, String artifactPath) {
        logging.awaitWritten();
        store.logArtifact(runId, local, artifactPath == null ? "" : artifactPath);
    }

    /**
     * Ends a run with a status, now. A run started by this client on the embedded store ends
     * through the writer, after the values logged to it and without waiting: reads through
     * this client see it ended, and {@link #flush()} (or close, or JVM exit) makes it durable
     * and reports what could not be written. Other runs end at once, after a flush.
     */
    public void setTerminated(String runId, RunStatus status) {
        logging.end(runId, status);
    }

    /**
     * Waits until everything logged so far is durable: after it returns, even a kill -9 of
     * this process loses nothing. Reports values the store refused since the last flush.
     */
    public void flush() {
        logging.flush();
    }

    // ---- finding and managing runs (docs/manage.md). A RUN is a run id, a unique id prefix,
    // or a run name in the default experiment (the facade's active one).

    /** A search of the default experiment unless {@code experiments(...)} names others. */
    public RunQuery search() {
        return scope.search();
    }

    /**
     * Run management where run names are looked up in these experiments (names or ids; every
     * active experiment when none is given), for tools that report progress or work across
     * experiments. Flushes pending logging first.
     */
    public RunManager manage(String... experiments) {
        return scope.manager(experiments);
    }

    /** The run a person names: its id, a unique id prefix, or its name in the default experiment. */
    public Run resolveRun(String ref) {
        return scope.manager().resolve(ref);
    }

    /**
     * A RUN in any state: a run id, a unique id prefix, or a run name in these experiments
     * (names or ids; the default experiment when empty). Ambiguity is an error listing matches.
     */
    public Run resolveRun(String ref, List<String> experiments) {
        return scope.resolve(ref, experiments);
    }

    /**
     * For commands that only read: as {@link #resolveRun(String, List)}, but a run name shared by
     * several runs means the newest of them, and {@code note} is told so.
     */
    public Run findRun(String ref, List<String> experiments, Consumer<String> note) {
        return scope.find(ref, experiments, note);
    }

    /** Renames a run ({@code mlflow.runName} follows); returns its id. */
    public String rename(String run, String name) {
        return scope.manager().rename(run, name);
    }

    /** Sets a tag on any run by reference, at once (not queued); returns the run id. */
    public String tag(String run, String key, Object value) {
        return scope.manager().setTag(run, key, ValueText.of(value));
    }

    /** Removes a tag from any run by reference; returns the run id. */
    public String untag(String run, String key) {
        return scope.manager().deleteTag(run, key);
    }

    /** Deletes runs and their descendants; returns how many runs were deleted. */
    public int deleteRuns(String... runs) {
        return deleteRuns(List.of(runs), false);
    }

    public int deleteRuns(List<String> runs, boolean keepDescendants) {
        return scope.manager().delete(runs, keepDescendants, Progress.NONE);
    }

    /** Restores runs and the descendants deleted with them; returns how many were restored. */
    public int restoreRuns(String... runs) {
        return scope.manager().restore(List.of(runs), Progress.NONE);
    }

    /** Databricks' delete_runs; {@code maxRuns} 1..10,000, null for 10,000. The experiment by name or id. */
    public int deleteRuns(String experiment, long maxTimestampMillis, Integer maxRuns) {
        return scope.manager().deleteCreatedBefore(experiment, maxTimestampMillis, maxRuns, Progress.NONE);
    }

    /** Databricks' restore_runs; {@code maxRuns} 1..10,000, null for 10,000. */
    public int restoreRuns(String experiment, long minTimestampMillis, Integer maxRuns) {
        return scope.manager().restoreDeletedSince(experiment, minTimestampMillis, maxRuns, Progress.NONE);
    }

    /** Purges runs deleted longer ago than {@code olderThan}, artifacts too. */
    public GcResult gc(Duration olderThan) {
        return gc(olderThan, Progress.NONE);
    }

    public GcResult gc(Duration olderThan, Progress progress) {
        return scope.manager().gc(olderThan, progress);
    }

    /** Flushes, then closes the writer and the store. */
    @Override
    public void close() {
        try {
            logging.close();
        } finally {
            store.close();
        }
    }
}
