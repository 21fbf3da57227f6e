package io.jruns.store;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;
import io.jruns.search.InMemorySearch;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where runs live: the read side ({@link StoreReader}) and the writes. Synchronous and
 * thread-safe; callers that must not wait (the logging path) go through the asynchronous
 * writer, which calls {@link #logBatches}. Validation of keys and values happens before a
 * call reaches a store.
 */
public interface Store extends StoreReader {

    // ---- experiments
    String createExperiment(String name, String artifactLocation, Map<String, String> tags);

    /**
     * Creates an experiment with the times it was made and last changed elsewhere: a copy or
     * import makes the target's experiment as old as its source. A store that cannot set them
     * (MLflow's REST API takes no such field) makes it now.
     */
    default String createExperiment(String name, String artifactLocation, Map<String, String> tags,
                                    long creationTime, long lastUpdateTime) {
        return createExperiment(name, artifactLocation, tags);
    }

    void setExperimentTag(String experimentId, String key, String value);

    // ---- runs
    RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags);

    /** Sets status and end time; a null argument leaves that field as it is. */
    void updateRun(String runId, RunStatus status, Long endTime, String runName);

    void deleteRun(String runId);

    /**
     * Deletes a run recording {@code deletedTime} as its deletion time (not now): copies and
     * imports keep the time the source run was deleted, which the 30-day clock and
     * {@code restore --since} go by. Stores that keep no such time may ignore it.
     */
    default void deleteRun(String runId, long deletedTime) {
        deleteRun(runId);
    }

    void restoreRun(String runId);

    // ---- managing runs (docs/manage.md)

    /**
     * Soft-deletes runs, recording the time; unless {@code keepDescendants}, also every active
     * run below them (children through {@code mlflow.parentRunId}, at any depth). What one call
     * deletes is remembered together, so {@link #restoreRuns} brings it back together. A run
     * id that does not exist is an error before anything changes. Returns how many runs changed.
     */
    default int deleteRuns(List<String> runIds, boolean keepDescendants, Progress progress) {
        return LifecycleDefaults.deleteRuns(this, runIds, keepDescendants, progress);
    }

    /** Restores deleted runs and the descendants deleted with them; returns how many runs changed. */
    default int restoreRuns(List<String> runIds, Progress progress) {
        return LifecycleDefaults.restoreRuns(this, runIds, progress);
    }

    /**
     * Databricks' delete_runs: deletes the active runs of an experiment created (start time)
     * at or before {@code maxTimestampMillis}, oldest first, at most {@code maxRuns} (1..10,000).
     * Only those runs: descendants created later stay. Returns how many runs changed.
     */
    default int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        return LifecycleDefaults.deleteCreatedBefore(this, experimentId, maxTimestampMillis, maxRuns, progress);
    }

    /**
     * Databricks' restore_runs: restores the runs of an experiment deleted at or after
     * {@code minTimestampMillis}, most recently deleted first, at most {@code maxRuns}
     * (1..10,000). Returns how many runs changed.
     */
    default int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        return LifecycleDefaults.restoreDeletedSince(this, experimentId, minTimestampMillis, maxRuns, progress);
    }

    /**
     * Purges for good (rows and artifacts) the runs deleted at or before {@code deletedBefore}
     * (ms since the epoch). Stores whose server does its own purging refuse.
     */
    default GcResult gc(long deletedBefore, Progress progress) {
        throw new JrunsException(JrunsException.Code.NOT_IMPLEMENTED, describe()
                + " does not purge deleted runs from here: its server does that (for MLflow: mlflow gc)");
    }

    /**
     * Gives the space of purged runs back to the disk (the embedded store's file keeps its size
     * otherwise, and reuses the space for new runs); returns the bytes freed. Stores on a server
     * refuse, as for {@link #gc}.
     */
    default long compact() {
        throw new JrunsException(JrunsException.Code.NOT_IMPLEMENTED, describe() + " is compacted by its server, not from here");
    }

    // ---- logging

    /**
     * Writes one batch or throws: a missing or deleted run, a changed param. The embedded store
     * then keeps nothing of the batch; an MLflow server may keep part of it, as its API says.
     */
    void logBatch(LogBatch batch);

    /**
     * Writes several batches at once (stores that can do it in one transaction). A batch that
     * cannot be applied (missing or deleted run, changed param) is skipped and reported in
     * the returned list; the others are written. Throws only when nothing could be written
     * and a retry may succeed (I/O, lock, server down).
     */
    default List<JrunsException> logBatches(List<LogBatch> batches) {
        return logBatches(batches, false);
    }

    /**
     * As {@link #logBatches(List)}; with {@code durable} the data must survive the machine
     * losing power once this returns (what {@code flush()} promises), not only the process dying.
     */
    default List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        List<JrunsException> problems = new java.util.ArrayList<>();
        for (LogBatch b : batches) {
            try {
                logBatch(b);
            } catch (JrunsException e) {
                if (e.code() == JrunsException.Code.INTERNAL_ERROR) throw e;
                problems.add(e);
            }
        }
        return problems;
    }

    // ---- runs started and ended by the writer, with the values (many runs per transaction)

    /**
     * A run started now and written later by {@link #logBatches(List, List, List, boolean)}:
     * the id and info are made here, without writing, once the experiment is known to take
     * new runs (else the same error as {@link #createRun}). Empty when this store must create
     * runs itself at once (a server makes the ids); the caller then uses createRun.
     */
    default Optional<RunStart> planRun(String experimentId, String userId, long startTime, String runName,
                                       List<RunTag> tags) {
        return Optional.empty();
    }

    /**
     * Writes, in one transaction where the store can: the runs planned by {@link #planRun},
     * then the batches, then the ends in the order given. What cannot be applied is reported
     * in the returned list as in {@link #logBatches(List, boolean)}; throws only when nothing
     * was written and a retry may succeed.
     */
    default List<JrunsException> logBatches(List<RunStart> starts, List<LogBatch> batches, List<RunEnd> ends,
                                            boolean durable) {
        List<JrunsException> problems = new java.util.ArrayList<>();
        for (RunStart s : starts) {
            problems.add(new JrunsException(JrunsException.Code.INTERNAL_ERROR, describe()
                    + " cannot write run '" + s.info().runId() + "': it plans no runs"));
        }
        problems.addAll(logBatches(batches, durable));
        for (RunEnd e : ends) {
            try {
                updateRun(e.runId(), e.status(), e.endTime(), null);
            } catch (JrunsException x) {
                problems.add(x);
            }
        }
        return problems;
    }

    /**
     * One writer round, its metric points as columns (one per run and key, each in logging
     * order) beside the batches' params and tags; otherwise as {@link #logBatches(List, List,
     * List, boolean)}. By default the columns become points of the batches, so a store that
     * takes only batches works unchanged; the embedded store packs the columns directly.
     */
    default List<JrunsException> logRound(List<RunStart> starts, List<LogBatch> batches, List<MetricColumns> metrics,
                                          List<RunEnd> ends, boolean durable) {
        List<LogBatch> all = RoundBatches.of(batches, metrics);
        return starts.isEmpty() && ends.isEmpty() ? logBatches(all, durable) : logBatches(starts, all, ends, durable);
    }

    void deleteTag(String runId, String key);

    // ---- artifacts
    /** Copies a file into {@code artifactPath} (a folder, may be empty), or a directory's contents into it. */
    void logArtifact(String runId, Path local, String artifactPath);

}
