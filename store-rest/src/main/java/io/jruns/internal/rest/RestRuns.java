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
    /** What runs read here hold beyond jruns' model (datasets): a copy names it. */
    final NotCarried notCarried = new NotCarried();

    RestRuns(RestTransport http) {
        this.http = http;
    }

    /**
     * Records the deletion time in a tag (MLflow keeps none), then deletes. A time given by the
     * caller (a copy keeps its source's) also goes in the delete's {@code jruns_deleted_time}:
     * jruns ui keeps its own deletion time and takes that one (MLflow ignores fields it does not know).
     */
    void delete(String runId, long deletedTime, boolean given) {
        try {
            http.post("runs/set-tag", F.objectNode().put("run_id", runId).put("key", SystemTags.DELETED_TIME)
                    .put("value", Long.toString(deletedTime)), Repeat.SAFE);
        } catch (RestException e) {
            if (e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST) throw e;
            // e.g. already deleted (tags cannot be set then): delete says what is wrong, if anything
        }
        if (given) {
            try {
                http.post("runs/delete", F.objectNode().put("run_id", runId).put("jruns_deleted_time", deletedTime), Repeat.SAFE);
                return;
            } catch (RestException e) {
                // a stricter server that refuses the field: the delete alone, the tag keeps the time
                if (e.kind() != RestException.Kind.REFUSED || e.code() != JrunsException.Code.INVALID_PARAMETER_VALUE) throw e;
            }
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
            for (JsonNode n : answer.path("metrics")) {
                out.add(RestErrors.reading("GET metrics/get-history", http.config(), () -> WireRuns.metric(RestJson.metric(n, "metrics[]"), http.server())));
            }
            token = answer.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return out;
    }

    /**
     * One key's history for up to {@link #BULK_RUNS} runs in one request (MLflow's
     * get-history-bulk-interval). The server samples steps when there are more than
     * {@link #BULK_POINTS}, so only answers that cannot have been sampled are returned: fewer
     * distinct steps than that over the group, fewer points than that per run. Runs left out
     * are read with get-history. Without a step range MLflow starts at step 0 and leaves out
     * earlier points (handlers.py), so the whole range of steps is asked for.
     */
    Map<String, List<Metric>> bulkHistory(List<String> runIds, String key) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("run_ids", runIds);
        q.put("metric_key", key);
        q.put("max_results", BULK_POINTS);
        q.put("start_step", Long.MIN_VALUE);
        q.put("end_step", Long.MAX_VALUE);
        JsonNode answer = http.get("metrics/get-history-bulk-interval", q);
        Map<String, List<Metric>> byRun = new LinkedHashMap<>();
        java.util.Set<Long> steps = new java.util.HashSet<>();
        for (JsonNode n : answer.path("metrics")) {
            Metric m = RestErrors.reading("GET metrics/get-history-bulk-interval", http.config(),
                    () -> WireRuns.metric(RestJson.metric(n, "metrics[]"), http.server()));
            byRun.computeIfAbsent(n.path("run_id").asText(), x -> new ArrayList<>()).add(m);
            steps.add(m.step());
        }
        if (steps.size() >= BULK_POINTS) return Map.of();
        byRun.values().removeIf(h -> h.size() >= BULK_POINTS);
        byRun.keySet().retainAll(runIds);
        return byRun;
    }

    /** MLflow's limits for get-history-bulk-interval: runs per request, and sampled steps. */
    static final int BULK_RUNS = 100;
    static final int BULK_POINTS = 1000;
}
