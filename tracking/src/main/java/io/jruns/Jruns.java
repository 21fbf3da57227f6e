package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.RunStatus;
import io.jruns.internal.validate.Validation;
import io.jruns.store.GcResult;
import io.jruns.store.TrackingUri;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fluent tracking API, the Java analogue of MLflow's {@code mlflow.*} functions:
 * <pre>{@code
 * Jruns.setExperiment("iris");
 * Jruns.run("rf-100", run -> {
 *     Jruns.logParam("trees", 100);
 *     for (int epoch = 0; epoch < 10; epoch++) Jruns.logMetric("loss", loss(epoch), epoch);
 * });
 * }</pre>
 * The run ends FINISHED, or FAILED if the body throws. {@code try (ActiveRun run =
 * Jruns.startRun("rf-100")) {...}} works too, but ends FINISHED either way.
 * Logging calls return at once; a background writer stores the values. {@link #flush()}
 * waits until everything logged so far is on disk. All methods are thread-safe.
 */
public final class Jruns {
    private static final Object LOCK = new Object();
    private static volatile Session session;
    private static volatile String trackingUri;
    private static volatile RunContext runContext;

    private Jruns() {
    }

    static Session session() {
        Session s = session;
        if (s != null) return s;
        synchronized (LOCK) {
            if (session == null) {
                Session s2 = new Session(TrackingUri.resolve(trackingUri));
                if (runContext != null) s2.setRunContext(runContext);
                session = s2;
            }
            return session;
        }
    }

    /** Chooses the store (see {@link TrackingUri}); ends and closes the current one. */
    public static void setTrackingUri(String uri) {
        synchronized (LOCK) {
            TrackingUri.resolve(uri); // refuse a bad URI before letting go of the current store
            closeSession();
            trackingUri = uri;
        }
    }

    public static String getTrackingUri() {
        return TrackingUri.resolve(trackingUri).toString();
    }

    /** Makes the named experiment active, creating it when missing. */
    public static Experiment setExperiment(String name) {
        return session().setExperiment(name);
    }

    public static Experiment getExperiment() {
        return session().experiment();
    }

    /**
     * Installs the tags every new run gets automatically (the kernel names the notebook).
     * Opens nothing: the store is opened on first use, so a kernel can call this at start-up.
     */
    public static void setRunContext(RunContext context) {
        synchronized (LOCK) {
            runContext = context;
            if (session != null) session.setRunContext(context);
        }
    }

    public static ActiveRun startRun() {
        return startRun(RunOptions.defaults());
    }

    public static ActiveRun startRun(String name) {
        return startRun(RunOptions.builder().name(name).build());
    }

    public static ActiveRun startRun(RunOptions options) {
        return session().startRun(options);
    }

    /**
     * Runs {@code body} in a new run and ends the run: FINISHED when the body returns, FAILED
     * when it throws (the exception goes on unchanged), as Python's {@code with
     * mlflow.start_run():} does. Try-with-resources cannot do this: {@code close()} never
     * learns that an exception is on its way.
     */
    public static <X extends Throwable> void run(String name, RunBody<X> body) throws X {
        run(RunOptions.builder().name(name).build(), body);
    }

    public static <X extends Throwable> void run(RunOptions options, RunBody<X> body) throws X {
        ActiveRun run = startRun(options);
        try {
            body.accept(run);
        } catch (Throwable t) {
            try {
                run.end(RunStatus.FAILED);
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        run.end(RunStatus.FINISHED);
    }

    /** The innermost active run, if any. */
    public static Optional<ActiveRun> activeRun() {
        return session == null ? Optional.empty() : session().current();
    }

    /** Ends the innermost active run as FINISHED. */
    public static void endRun() {
        endRun(RunStatus.FINISHED);
    }

    public static void endRun(RunStatus status) {
        activeRun().ifPresent(r -> r.end(status));
    }

    /** Ends every active run, innermost first (kernel shutdown uses KILLED). */
    public static void endAllRuns(RunStatus status) {
        if (session == null) return;
        List<ActiveRun> runs = session().activeRuns();
        if (!runs.isEmpty()) runs.get(runs.size() - 1).end(status);
    }

    /**
     * Logs a param of the active run (starting one when none is active, as MLflow does); its
     * value is stored as text and cannot change once logged.
     */
    public static void logParam(String key, Object value) {
        session().currentOrStart().logParam(key, value);
    }

    /** Logs every entry as a param of the active run (see {@link #logParam}). */
    public static void logParams(Map<String, ?> params) {
        Validation.required(params, "a map of params"); // before a run is started for it
        session().currentOrStart().logParams(params);
    }

    /** Logs a metric of the active run at step 0, now (starting a run when none is active). */
    public static void logMetric(String key, double value) {
        session().currentOrStart().logMetric(key, value, 0);
    }

    /**
     * Logs a metric of the active run at {@code step}, now (starting a run when none is
     * active): each step keeps its values, so a metric becomes a curve over steps.
     */
    public static void logMetric(String key, double value, long step) {
        session().currentOrStart().logMetric(key, value, step);
    }

    /** Logs every entry as a metric of the active run at {@code step} (see {@link #logMetric(String, double, long)}). */
    public static void logMetrics(Map<String, ? extends Number> metrics, long step) {
        ActiveRun.checked(metrics); // before a run is started for it
        session().currentOrStart().logMetrics(metrics, step);
    }

    public static void setTag(String key, Object value) {
        session().currentOrStart().setTag(key, value);
    }

    public static void setTags(Map<String, ?> tags) {
        Validation.required(tags, "a map of tags"); // before a run is started for it
        session().currentOrStart().setTags(tags);
    }

    public static void deleteTag(String key) {
        session().currentOrStart().deleteTag(key);
    }

    public static void setNote(String markdown) {
        session().currentOrStart().setNote(markdown);
    }

    public static void logArtifact(Path file) {
        Validation.required(file, "a file to log as an artifact"); // before a run is started for it
        session().currentOrStart().logArtifact(file);
    }

    public static void logArtifact(Path file, String artifactDir) {
        Validation.required(file, "a file to log as an artifact"); // before a run is started for it
        session().currentOrStart().logArtifact(file, artifactDir);
    }

    public static void logArtifacts(Path dir) {
        Validation.required(dir, "a folder to log as artifacts"); // before a run is started for it
        session().currentOrStart().logArtifacts(dir);
    }

    public static void logArtifacts(Path dir, String artifactDir) {
        Validation.required(dir, "a folder to log as artifacts"); // before a run is started for it
        session().currentOrStart().logArtifacts(dir, artifactDir);
    }

    /**
     * Waits until everything logged so far is durable: after it returns, even a kill -9 of
     * this process loses nothing. Reports values the store refused since the last flush.
     */
    public static void flush() {
        if (session != null) session().client.flush();
    }

    /** A client for reading runs and working on any run by id. */
    public static TrackingClient client() {
        return session().client;
    }

    // ---- finding and managing runs (docs/manage.md). A RUN is a run id, a unique id prefix,
    // or a run name in the active experiment; the experiment of bulk calls is a name or an id.

    /** The active experiment's active runs matching the filter, as a tablesaw Table (up to 100,000). */
    public static tech.tablesaw.api.Table searchRuns(String filter) {
        return search().filter(filter).table();
    }

    /** A search to refine: {@code Jruns.search().filter(..).experiments(..).orderBy(..).max(..).table()}. */
    public static RunQuery search() {
        return client().search();
    }

    /** Renames a run; its {@code mlflow.runName} tag follows. Returns the run id. */
    public static String rename(String run, String name) {
        return client().rename(run, name);
    }

    /** Sets a tag on any run (also one that ended), at once. Returns the run id. */
    public static String setTag(String run, String key, Object value) {
        return client().tag(run, key, value);
    }

    /** Removes a tag from any run. Returns the run id. */
    public static String deleteTag(String run, String key) {
        return client().untag(run, key);
    }

    /** Soft-deletes runs and the runs below them; returns how many runs were deleted. */
    public static int deleteRuns(String... runs) {
        return client().deleteRuns(runs);
    }

    /** As {@link #deleteRuns(String...)}; with {@code keepDescendants} the runs below stay. */
    public static int deleteRuns(java.util.List<String> runs, boolean keepDescendants) {
        return client().deleteRuns(runs, keepDescendants);
    }

    /** Restores runs and the descendants deleted with them; returns how many were restored. */
    public static int restoreRuns(String... runs) {
        return client().restoreRuns(runs);
    }

    /** Deletes the experiment's runs created at or before the time (max 1..10,000, null = 10,000). */
    public static int deleteRuns(String experiment, long maxTimestampMillis, Integer maxRuns) {
        return client().deleteRuns(experiment, maxTimestampMillis, maxRuns);
    }

    /** Restores the experiment's runs deleted at or after the time (max 1..10,000, null = 10,000). */
    public static int restoreRuns(String experiment, long minTimestampMillis, Integer maxRuns) {
        return client().restoreRuns(experiment, minTimestampMillis, maxRuns);
    }

    /** Writes the search's runs as CSV (see docs/manage.md); returns the number of rows. */
    public static long exportCsv(RunQuery search, Path file) {
        return search.exportCsv(file);
    }

    /** Purges for good the runs deleted longer ago than {@code olderThan} (rows and artifacts). */
    public static GcResult gc(Duration olderThan) {
        return client().gc(olderThan);
    }

    /** Flushes and closes the store; the next call opens it again. */
    static void closeSession() {
        synchronized (LOCK) {
            Session s = session;
            session = null;
            if (s != null) {
                if (!s.activeRuns().isEmpty()) {
                    s.endRun(s.activeRuns().get(s.activeRuns().size() - 1), RunStatus.KILLED);
                }
                s.close();
            }
        }
    }
}
