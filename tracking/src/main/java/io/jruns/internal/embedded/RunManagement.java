package io.jruns.internal.embedded;

import io.jruns.store.GcResult;
import io.jruns.store.Progress;
import io.jruns.store.Retention;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded store's run management: delete, restore and purge (set-based SQL in
 * RunLifecycle and Purge), and the daily gc that opening a store may start.
 */
final class RunManagement implements AutoCloseable {
    private final Database db;
    private final Path artifactRoot;
    /** The daily gc started by opening the store, if it was due; close() waits for it. */
    private final Thread autoGc;

    RunManagement(Database db, Path artifactRoot, boolean gcDue) {
        this.db = db;
        this.artifactRoot = artifactRoot;
        this.autoGc = gcDue ? Purge.inBackground(() -> gc(System.currentTimeMillis() - Retention.DEFAULT.toMillis(),
                Progress.NONE), db.file()) : null;
    }

    /** MLflow's delete_run: this run only, whatever is below it. */
    void deleteRun(String runId) {
        RunLifecycle.delete(db, List.of(runId), true, Progress.NONE);
    }

    void deleteRun(String runId, long deletedTime) {
        RunLifecycle.deleteAt(db, runId, deletedTime);
    }

    /** MLflow's restore_run: this run only. */
    void restoreRun(String runId) {
        RunLifecycle.restore(db, List.of(runId), false, Progress.NONE);
    }

    int deleteRuns(List<String> runIds, boolean keepDescendants, Progress progress) {
        return RunLifecycle.delete(db, runIds, keepDescendants, progress);
    }

    int restoreRuns(List<String> runIds, Progress progress) {
        return RunLifecycle.restore(db, runIds, true, progress);
    }

    int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        requireExperiment(experimentId);
        return RunLifecycle.deleteCreatedBefore(db, Experiments.key(experimentId), maxTimestampMillis, maxRuns, progress);
    }

    int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        requireExperiment(experimentId);
        return RunLifecycle.restoreDeletedSince(db, Experiments.key(experimentId), minTimestampMillis, maxRuns, progress);
    }

    GcResult gc(long deletedBefore, Progress progress) {
        return Purge.run(db, artifactRoot, deletedBefore, progress);
    }

    private void requireExperiment(String experimentId) {
        db.read(c -> Experiments.require(c, experimentId));
    }

    /** Waits for the daily gc, if one runs: the store's connections close next. */
    @Override
    public void close() {
        awaitAutoGc();
    }

    /** Returns once the daily gc started at open, if any, is done (tests that count writes wait for it). */
    void awaitAutoGc() {
        Purge.await(autoGc);
    }
}
