package io.jruns.internal.rest;

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
import io.jruns.search.RunCount;
import io.jruns.store.BulkLimits;
import io.jruns.store.Progress;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.Store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store behind an MLflow tracking server or a Databricks workspace (REST API 2.0, see
 * docs/remote.md). Logging goes through {@link LogSender} (batched requests, a durable spool
 * while the server is away); every other call first lets pending logging go out, so it sees,
 * and comes after, everything logged before it. Reads are {@link RestReads}, run writes
 * {@link RestWrites}; this class is the {@code Store} over them.
 */
public final class RestStore implements Store {
    private final RestConfig config;
    private final LogSender sender;
    private final RestReads reads;
    private final RestWrites writes;
    private final RestArtifacts artifacts;
    private final RestExperiments experiments;

    private final NotCarried notCarried;

    public RestStore(RestConfig config) {
        this.config = config;
        RestTransport http = new RestTransport(config);
        this.sender = new LogSender(http);
        RestRuns runs = new RestRuns(http);
        this.notCarried = runs.notCarried;
        this.reads = new RestReads(http, sender, runs);
        this.writes = new RestWrites(http, sender, runs);
        this.artifacts = new RestArtifacts(http);
        this.experiments = new RestExperiments(http);
    }

    /** The store for a tracking URI (http(s)://..., databricks) with this environment's settings. */
    public static RestStore open(String uri, Map<String, String> env) {
        return new RestStore(RestConfig.fromEnvironment(uri, env));
    }

    @Override
    public Optional<String> notCarried(String runId) {
        return notCarried.of(runId);
    }

    @Override
    public String describe() {
        return "MLflow server " + config.displayName();
    }

    @Override
    public String toString() {
        return "RestStore[" + config + "]";
    }

    public RestConfig config() {
        return config;
    }

    /** Log-batch requests sent so far. */
    public long logRequestsSent() {
        return sender.requestsSent();
    }

    /** Whether logged values wait in the spool (or in memory) for the server. */
    public boolean hasSpooled() {
        return sender.hasSpooled();
    }

    public Path spoolFile() {
        return sender.spool().file();
    }

    // ---- experiments (RestExperiments)

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        return experiments.create(name, artifactLocation, tags);
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        return experiments.get(experimentId);
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return experiments.byName(name);
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return experiments.list(viewType);
    }

    @Override
    public List<Experiment> experimentsTagged(String key, String value) {
        return experiments.tagged(key, value);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        experiments.setTag(experimentId, key, value);
    }

    public void renameExperiment(String experimentId, String newName) {
        experiments.rename(experimentId, newName);
    }

    public void deleteExperiment(String experimentId) {
        experiments.lifecycle("experiments/delete", experimentId);
    }

    public void restoreExperiment(String experimentId) {
        experiments.lifecycle("experiments/restore", experimentId);
    }

    // ---- runs

    @Override
    public RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        return writes.createRun(experimentId, userId, startTime, runName, tags);
    }

    @Override
    public Optional<Run> getRun(String runId) {
        return reads.run(runId);
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        writes.updateRun(runId, status, endTime, runName);
    }

    /** MLflow's delete_run; the time goes into a tag first, as MLflow keeps none (see {@link WireRuns}). */
    @Override
    public void deleteRun(String runId) {
        writes.deleteRun(runId, System.currentTimeMillis(), false);
    }

    /** As {@link #deleteRun(String)}, recording the given deletion time (copies keep their source's; see {@link RestRuns#delete}). */
    @Override
    public void deleteRun(String runId, long deletedTime) {
        writes.deleteRun(runId, deletedTime, true);
    }

    @Override
    public void restoreRun(String runId) {
        writes.restoreRun(runId);
    }

    @Override
    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        return reads.list(experimentIds, viewType, maxResults);
    }

    @Override
    public SearchResult searchRuns(SearchRequest request) {
        return reads.search(request);
    }

    /** Counted by reading the runs (MLflow has no count), so only up to {@code atMost}, then "more than". */
    @Override
    public RunCount countRuns(SearchRequest request, long atMost) {
        return reads.count(request, atMost);
    }

    @Override
    public long scanRuns(SearchRequest request, long limit, Consumer<Run> sink) {
        return reads.scan(request, limit, sink);
    }

    /** Databricks' runs/delete-runs; where the server has no such endpoint, search and delete one by one. */
    @Override
    public int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        BulkLimits.timestamp("max timestamp", maxTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        Integer n = writes.deleteCreatedBefore(experimentId, maxTimestampMillis, cap);
        return n != null ? n : Store.super.deleteRunsCreatedBefore(experimentId, maxTimestampMillis, cap, progress);
    }

    /** Databricks' runs/restore-runs; elsewhere, the runs whose deletion time jruns recorded. */
    @Override
    public int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        BulkLimits.timestamp("min timestamp", minTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        Integer n = writes.restoreDeletedSince(experimentId, minTimestampMillis, cap);
        return n != null ? n : Store.super.restoreRunsDeletedSince(experimentId, minTimestampMillis, cap, progress);
    }

    // ---- logging

    /** Sends now (behind anything pending) or throws: the synchronous path. */
    @Override
    public void logBatch(LogBatch batch) {
        sender.sendNow(List.of(batch));
    }

    /** The writer's path: returns once the values are on the server or in the spool. */
    @Override
    public List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        return sender.logBatches(batches, durable);
    }

    /** The writer's round: values, then run ends, with what could not be saved said once at its end. */
    @Override
    public List<JrunsException> logBatches(List<RunStart> starts, List<LogBatch> batches, List<RunEnd> ends,
                                           boolean durable) {
        return sender.round(() -> Store.super.logBatches(starts, batches, ends, durable));
    }

    @Override
    public void deleteTag(String runId, String key) {
        writes.deleteTag(runId, key);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        return reads.history(runId, key);
    }

    // ---- artifacts

    @Override
    public void logArtifact(String runId, Path local, String artifactPath) {
        artifacts.log(requireRun(runId), local, artifactPath);
    }

    @Override
    public List<FileInfo> listArtifacts(String runId, String path) {
        return artifacts.list(runId, path);
    }

    @Override
    public Path downloadArtifact(String runId, String path) {
        return artifacts.download(requireRun(runId), path);
    }

    private RunInfo requireRun(String runId) {
        return getRun(runId).orElseThrow(() -> JrunsException.notFound("run '" + runId + "' does not exist on "
                + config.displayName())).info();
    }

    @Override
    public void close() {
        sender.close();
    }
}
