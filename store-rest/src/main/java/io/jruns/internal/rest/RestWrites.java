package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.json.RestJson;
import io.jruns.internal.rest.RestTransport.Repeat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST store's run writes other than logged values: create, update, delete and restore
 * (one by one or Databricks' bulk), tag removal. All but create come after everything logged
 * before them: they let pending logging go out first, or, for an update, wait in the spool
 * behind it. Kept apart from {@link RestReads} so {@link RestStore} is only the {@code Store}
 * over both.
 */
final class RestWrites {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RestTransport http;
    private final LogSender sender;
    private final RestRuns runs;

    RestWrites(RestTransport http, LogSender sender, RestRuns runs) {
        this.http = http;
        this.sender = sender;
        this.runs = runs;
    }

    RunInfo createRun(String experimentId, String userId, long startTime, String runName, List<RunTag> tags) {
        ObjectNode b = F.objectNode().put("experiment_id", experimentId);
        if (userId != null) b.put("user_id", userId);
        if (runName != null) b.put("run_name", runName);
        b.put("start_time", startTime); // the server does not fill it in (it would be 0)
        Map<String, String> t = new LinkedHashMap<>();
        sender.newRunTags(tags).forEach(tag -> t.put(tag.key(), tag.value()));
        if (!t.isEmpty()) b.set("tags", RestExperiments.keyValues(t));
        JsonNode answer = http.post("runs/create", b, Repeat.UNSENT_ONLY);
        return RestErrors.reading("POST runs/create", http.config(),
                () -> RestJson.run(RestExperiments.required(answer, "run"), "run").info());
    }

    void updateRun(String runId, RunStatus status, Long endTime, String runName) {
        ObjectNode b = F.objectNode().put("run_id", runId);
        if (status != null) b.put("status", status.name());
        if (endTime != null) b.put("end_time", endTime);
        if (runName != null) b.put("run_name", runName);
        // behind every logged value; while the server is away it waits in the spool with them
        sender.updateRun(runId, status != null ? "end" : "rename", RestJson.compact(b).getBytes(StandardCharsets.UTF_8));
    }

    void deleteRun(String runId, long deletedTime, boolean given) {
        sender.settle();
        runs.delete(runId, deletedTime, given);
    }

    void restoreRun(String runId) {
        sender.settle();
        runs.restore(runId);
    }

    void deleteTag(String runId, String key) {
        sender.settle();
        http.post("runs/delete-tag", F.objectNode().put("run_id", runId).put("key", key), Repeat.SAFE);
    }

    /** Databricks' runs/delete-runs: how many were deleted, or null where the server has no such endpoint. */
    Integer deleteCreatedBefore(String experimentId, long maxTimestampMillis, int maxRuns) {
        return databricksBulk("delete-runs", "runs_deleted", F.objectNode().put("experiment_id", experimentId)
                .put("max_timestamp_millis", maxTimestampMillis).put("max_runs", maxRuns));
    }

    /** Databricks' runs/restore-runs: how many were restored, or null where the server has no such endpoint. */
    Integer restoreDeletedSince(String experimentId, long minTimestampMillis, int maxRuns) {
        return databricksBulk("restore-runs", "runs_restored", F.objectNode().put("experiment_id", experimentId)
                .put("min_timestamp_millis", minTimestampMillis).put("max_runs", maxRuns));
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
}
