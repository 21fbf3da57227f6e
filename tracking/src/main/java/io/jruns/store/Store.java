package io.jruns.store;

import io.jruns.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where runs live. Synchronous and thread-safe; callers that must not wait (the logging
 * path) go through the asynchronous writer, which calls {@link #logBatches}. Validation of
 * keys and values happens before a call reaches a store.
 */
public interface Store extends AutoCloseable {

    /** A short description for messages, never containing credentials. */
    String describe();

    // ---- experiments
    String createExperiment(String name, String artifactLocation, Map<String, String> tags);

    Optional<Experiment> getExperiment(String experimentId);

    Optional<Experiment> getExperimentByName(String name);

    List<Experiment> listExperiments(ViewType viewType);

    void setExperimentTag(String experimentId, String key, String value);

    // ---- runs
    RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags);

    Optional<Run> getRun(String runId);

    /** Sets status and end time; a null argument leaves that field as it is. */
    void updateRun(String runId, RunStatus status, Long endTime, String runName);

    void deleteRun(String runId);

    void restoreRun(String runId);

    /** Runs of the given experiments, newest first. */
    List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults);

    // ---- logging
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

    void deleteTag(String runId, String key);

    /** Every point of one metric, in the order logged. */
    List<Metric> getMetricHistory(String runId, String key);

    // ---- artifacts
    /** Copies a file into {@code artifactPath} (a folder, may be empty), or a directory's contents into it. */
    void logArtifact(String runId, Path local, String artifactPath);

    List<FileInfo> listArtifacts(String runId, String path);

    /** A local path to read an artifact from (the file itself for local stores). */
    Path downloadArtifact(String runId, String path);

    @Override
    void close();
}
