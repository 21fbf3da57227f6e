package io.jruns.internal.writer;

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
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real store with a hook in front of its write path, so writer tests can make the store
 * slow or failing for a while. Everything else goes straight to the real store.
 */
class ForwardingStore implements Store {
    /** Runs before each logBatches call; may block or throw. */
    interface Hook {
        void beforeWrite(List<LogBatch> batches) throws InterruptedException;
    }

    private final Store real;
    private volatile Hook hook = batches -> { };

    ForwardingStore(Store real) {
        this.real = real;
    }

    void hook(Hook hook) {
        this.hook = hook;
    }

    @Override
    public List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        try {
            hook.beforeWrite(batches);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted");
        }
        return real.logBatches(batches, durable);
    }

    /** Rounds with run starts or ends pass the same hook (with their batches). */
    @Override
    public List<JrunsException> logBatches(List<RunStart> starts, List<LogBatch> batches, List<RunEnd> ends,
                                           boolean durable) {
        try {
            hook.beforeWrite(batches);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted");
        }
        return real.logBatches(starts, batches, ends, durable);
    }

    @Override
    public Optional<RunStart> planRun(String experimentId, String userId, long startTime, String runName,
                                      List<RunTag> tags) {
        return real.planRun(experimentId, userId, startTime, runName, tags);
    }

    @Override
    public void logBatch(LogBatch batch) {
        List<JrunsException> problems = logBatches(List.of(batch), false);
        if (!problems.isEmpty()) throw problems.get(0);
    }

    @Override
    public String describe() {
        return "forwarding to " + real.describe();
    }

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        return real.createExperiment(name, artifactLocation, tags);
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return real.getExperiment(experimentId);
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return real.getExperimentByName(name);
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return real.listExperiments(viewType);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        real.setExperimentTag(experimentId, key, value);
    }

    @Override
    public RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        return real.createRun(experimentId, userId, startTime, runName, tags);
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return real.getRun(runId);
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        real.updateRun(runId, status, endTime, runName);
    }

    @Override
    public void deleteRun(String runId) {
        real.deleteRun(runId);
    }

    @Override
    public void restoreRun(String runId) {
        real.restoreRun(runId);
    }

    @Override
    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        return real.listRuns(experimentIds, viewType, maxResults);
    }

    @Override
    public void deleteTag(String runId, String key) {
        real.deleteTag(runId, key);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return real.getMetricHistory(runId, key);
    }

    @Override
    public void logArtifact(String runId, Path local, String artifactPath) {
        real.logArtifact(runId, local, artifactPath);
    }

    @Override
    public List<FileInfo> listArtifacts(String runId, String path) {
        return real.listArtifacts(runId, path);
    }

    @Override
    public Path downloadArtifact(String runId, String path) {
        return real.downloadArtifact(runId, path);
    }

    @Override
    public void close() {
        real.close();
    }
}
