package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.jruns.json.RestJson;
import io.jruns.store.BulkLimits;
import io.jruns.store.Progress;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.Store;
import io.jruns.internal.rest.RestTransport.Repeat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store behind an MLflow tracking server or a Databricks workspace (REST API 2.0, see
 * docs/remote.md). Logging goes through {@link LogSender} (batched requests, a durable spool
 * while the server is away); every other call first lets pending logging go out, so it sees,
 * and comes after, everything logged before it.
 */
public final class RestStore implements Store {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RestConfig config;
    private final RestTransport http;
    private final LogSender sender;
    private final RestSearch search;
    private final RestArtifacts artifacts;
    private final RestExperiments experiments;
    private final RestRuns runs;

    public RestStore(RestConfig config) {
        this.config = config;
        this.http = new RestTransport(config);
        this.sender = new LogSender(http);
        this.search = new RestSearch(http, this);
        this.artifacts = new RestArtifacts(http);
        this.experiments = new RestExperiments(http);
        this.runs = new RestRuns(http);
    }

    /** The store for a tracking URI (http(s)://..., databricks) with this environment's settings. */
    public static RestStore open(String uri, Map<String, String> env) {
        return new RestStore(RestConfig.fromEnvironment(uri, env));
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
        ObjectNode b = F.objectNode().put("experiment_id", experimentId);
        if (userId != null) b.put("user_id", userId);
        if (runName != null) b.put("run_name", runName);
        b.put("start_time", startTime); // the server does not fill it in (it would be 0)
        Map<String, String> t = new LinkedHashMap<>();
        sender.newRunTags(tags).forEach(tag -> t.put(tag.key(), tag.value()));
        if (!t.isEmpty()) b.set("tags", RestExperiments.keyValues(t));
        JsonNode answer = http.post("runs/create", b, Repeat.UNSENT_ONLY);
        return RestJson.run(required(answer, "run"), "run").info();
    }

    @Override
    public Optional<Run> getRun(String runId) {
        sender.settle();
        try {
            JsonNode answer = http.get("runs/get", Map.of("run_id", runId));
            Run run = WireRuns.run(RestJson.run(required(answer, "run"), "run"));
            // MLflow sends the latest value only: min, max and count come from the full histories
            Map<String, List<Metric>> histories = new LinkedHashMap<>();
            for (String key : run.data().metrics().keySet()) histories.put(key, history(runId, key));
            return Optional.of(WireRuns.withHistories(run, histories));
        } catch (RestException e) {
            if (e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST) return Optional.empty();
            throw e;
        }
    }

    @Override
    public void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        ObjectNode b = F.objectNode().put("run_id", runId);
        if (status != null) b.put("status", status.name());
        if (endTime != null) b.put("end_time", endTime);
        if (runName != null) b.put("run_name", runName);
        // behind every logged value; while the server is away it waits in the spool with them
        sender.updateRun(runId, status != null ? "end" : "rename", RestJson.compact(b).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** MLflow's delete_run; the time goes into a tag first, as MLflow keeps none (see {@link WireRuns}). */
    @Override
    public void deleteRun(String runId) {
        sender.settle();
        runs.delete(runId, System.currentTimeMillis());
    }

    /** As {@link #deleteRun(String)}, recording the given deletion time (imports keep their source's). */
    @Override
    public void deleteRun(String runId, long deletedTime) {
        sender.settle();
        runs.delete(runId, deletedTime);
    }

    @Override
    public void restoreRun(String runId) {
        sender.settle();
        runs.restore(runId);
    }

    @Override
    public List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults) {
        sender.settle();
        return search.list(experimentIds, viewType, maxResults);
    }

    @Override
    public SearchResult searchRuns(SearchRequest request) {
        sender.settle();
        return search.search(request);
    }

    /** Counted by reading the runs (MLflow has no count), so only up to {@code atMost}, then "more than". */
    @Override
    public io.jruns.search.RunCount countRuns(SearchRequest request, long atMost) {
        sender.settle();
        return search.count(request, atMost);
    }

    @Override
    public long scanRuns(SearchRequest request, long limit, Consumer<Run> sink) {
        sender.settle();
        return search.scan(request, limit, sink);
    }

    /** Databricks' runs/delete-runs; where the server has no such endpoint, search and delete one by one. */
    @Override
    public int deleteRunsCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns, Progress progress) {
        BulkLimits.timestamp("max timestamp", maxTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        Integer n = databricksBulk("delete-runs", "runs_deleted", F.objectNode().put("experiment_id", experimentId)
                .put("max_timestamp_millis", maxTimestampMillis).put("max_runs", cap));
        return n != null ? n : Store.super.deleteRunsCreatedBefore(experimentId, maxTimestampMillis, cap, progress);
    }

    /** Databricks' runs/restore-runs; elsewhere, the runs whose deletion time jruns recorded. */
    @Override
    public int restoreRunsDeletedSince(String experimentId, long minTimestampMillis, int maxRuns, Progress progress) {
        BulkLimits.timestamp("min timestamp", minTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        Integer n = databricksBulk("restore-runs", "runs_restored", F.objectNode().put("experiment_id", experimentId)
                .put("min_timestamp_millis", minTimestampMillis).put("max_runs", cap));
        return n != null ? n : Store.super.restoreRunsDeletedSince(experimentId, minTimestampMillis, cap, progress);
    }

    /** The count a Databricks bulk endpoint answers, or null when the server has no such endpoint. */
    private Integer databricksBulk(String endpoint, String countField, ObjectNode body) {
        sender.settle();
        try {
            return http.post("databricks/runs/" + endpoint, body, Repeat.SAFE).path(countField).asInt();
        } catch (RestException e) {
            if (e.kind() != RestException.Kind.NO_ENDPOINT) throw e;
            return null;
        }
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

    @Override
    public void deleteTag(String runId, String key) {
        sender.settle();
        http.post("runs/delete-tag", F.objectNode().put("run_id", runId).put("key", key), Repeat.SAFE);
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        sender.settle();
        return history(runId, key);
    }

    List<Metric> history(String runId, String key) {
        return runs.history(runId, key);
    }

    Map<String, List<Metric>> bulkHistory(List<String> runIds, String key) {
        return runs.bulkHistory(runIds, key);
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

    private JsonNode required(JsonNode answer, String field) {
        return RestExperiments.required(answer, field, config);
    }
}
