package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.SystemTags;
import io.jruns.json.RestJson;
import io.jruns.internal.rest.RestTransport.Repeat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST store's run calls with more to them than one request: delete, restore, metric history. */
final class RestRuns {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RestTransport http;

    RestRuns(RestTransport http) {
        this.http = http;
    }

    /** Records the deletion time in a tag (MLflow keeps none), then deletes. */
    void delete(String runId, long deletedTime) {
        try {
            http.post("runs/set-tag", F.objectNode().put("run_id", runId).put("key", SystemTags.DELETED_TIME)
                    .put("value", Long.toString(deletedTime)), Repeat.SAFE);
        } catch (RestException e) {
            if (e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST) throw e;
            // e.g. already deleted (tags cannot be set then): delete says what is wrong, if anything
        }
        http.post("runs/delete", F.objectNode().put("run_id", runId), Repeat.SAFE);
    }

    void restore(String runId) {
        http.post("runs/restore", F.objectNode().put("run_id", runId), Repeat.SAFE);
        try {
            http.post("runs/delete-tag", F.objectNode().put("run_id", runId).put("key", SystemTags.DELETED_TIME),
                    Repeat.SAFE);
        } catch (RestException e) {
            if (e.kind() != RestException.Kind.REFUSED) throw e; // no such tag: deleted by someone else
        }
    }

    /** metrics/get-history, following page tokens (MLflow 2.12 sends every point in one page). */
    List<Metric> history(String runId, String key) {
        List<Metric> out = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("run_id", runId);
            q.put("metric_key", key);
            q.put("max_results", 25_000);
            if (token != null) q.put("page_token", token);
            JsonNode answer = http.get("metrics/get-history", q);
            for (JsonNode n : answer.path("metrics")) out.add(WireRuns.metric(RestJson.metric(n, "metrics[]")));
            token = answer.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return out;
    }
}
