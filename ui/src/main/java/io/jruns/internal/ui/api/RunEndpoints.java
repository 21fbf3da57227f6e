package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.internal.validate.Validation;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.LongValues;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** runs/*: create, get, update, delete, restore, search. */
final class RunEndpoints {
    private RunEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Store store) {
        e.post("runs/create", c -> {
            String experimentId = c.optString("experiment_id");
            if (experimentId == null || experimentId.isEmpty()) experimentId = "0"; // MLflow's Default
            ExperimentEndpoints.require(store, experimentId);
            String runName = c.optString("run_name");
            if (runName != null) runName = Validation.tagValue(SystemTags.RUN_NAME, runName, LongValues.fromEnvironment());
            List<RunTag> tags = new ArrayList<>();
            for (JsonNode t : c.objects("tags")) {
                String key = t.path("key").asText(null);
                Validation.key("tag", key);
                tags.add(new RunTag(key, Validation.tagValue(key, t.path("value").asText(""), LongValues.fromEnvironment())));
            }
            Long start = c.optLong("start_time");
            String user = c.optString("user_id");
            RunInfo info = createUnowned(store, experimentId, user == null || user.isEmpty() ? null : user,
                    start == null ? System.currentTimeMillis() : start, runName, tags);
            ObjectNode run = Wire.runNode(require(store, info.runId()));
            run.remove("inputs"); // runs/create answers without it (09-run-create)
            return Wire.ok(wrap("run", run));
        });
        e.get("runs/get", c -> Wire.ok(wrap("run", Wire.runNode(require(store, runId(c))))));
        e.post("runs/update", c -> {
            String id = runId(c);
            require(store, id);
            String status = c.optString("status");
            String name = c.optString("run_name");
            if (name != null) name = Validation.tagValue(SystemTags.RUN_NAME, name, LongValues.fromEnvironment());
            store.updateRun(id, status == null ? null : status(status), c.optLong("end_time"), name == null || name.isEmpty() ? null : name);
            return Wire.ok(wrap("run_info", io.jruns.json.RestJson.runInfoNode(Wire.shown(require(store, id).info()))));
        });
        e.post("runs/delete", c -> {
            String id = runId(c);
            require(store, id);
            // jruns's REST store sends a copied run's deletion time here, so the 30-day clock goes on from it
            Long deletedTime = c.optLong("jruns_deleted_time");
            if (deletedTime != null) Validation.timestamp(deletedTime);
            if (deletedTime == null) store.deleteRun(id);
            else store.deleteRun(id, deletedTime);
            return Wire.empty();
        });
        e.post("runs/restore", c -> {
            String id = runId(c);
            require(store, id);
            store.restoreRun(id);
            return Wire.empty();
        });
        e.post("runs/search", c -> search(store, c));
    }

    /**
     * A run made for a client: not owned by this server's process, which would end it as dead
     * once restarted. It stays RUNNING until the client ends it, as on MLflow's own server.
     */
    private static RunInfo createUnowned(Store store, String experimentId, String user, long start, String runName,
                                         List<RunTag> tags) {
        Optional<RunStart> planned = store.planRun(experimentId, user, start, runName, tags);
        if (planned.isEmpty()) return store.createRun(experimentId, user, start, runName, tags); // a server's runs have no owner here
        List<JrunsException> refused = store.logBatches(List.of(planned.get().unowned()), List.of(), List.of(), false);
        if (!refused.isEmpty()) throw refused.get(0);
        return planned.get().info();
    }

    /** MLflow reads {@code run_id}, and {@code run_uuid} from older clients. */
    static String runId(ApiCall c) {
        String id = c.optString("run_id");
        if (id == null || id.isEmpty()) id = c.optString("run_uuid");
        if (id == null || id.isEmpty()) throw ApiCall.missing("run_id");
        Validation.runId(id);
        return id;
    }

    static Run require(Store store, String runId) {
        return store.getRun(runId).orElseThrow(() -> JrunsException.notFound("Run with id=" + runId + " not found"));
    }

    private static RunStatus status(String s) {
        try {
            return RunStatus.valueOf(s.trim());
        } catch (IllegalArgumentException bad) {
            throw JrunsException.invalid("Invalid value '" + s + "' for parameter 'status': expected RUNNING, SCHEDULED,"
                    + " FINISHED, FAILED or KILLED");
        }
    }

    private static io.jruns.internal.ui.http.Response search(Store store, ApiCall c) {
        int max = c.optInt("max_results", SearchRequest.DEFAULT_MAX_RESULTS);
        if (max < 1 || max > SearchRequest.MAX_RESULTS_LIMIT) {
            throw JrunsException.invalid("Invalid value " + max + " for parameter 'max_results' supplied.");
        }
        List<String> experiments = c.strings("experiment_ids");
        for (String id : experiments) {
            if (!id.matches("[0-9]{1,19}")) throw JrunsException.invalid("Invalid experiment id '" + id + "': expected a number");
        }
        ObjectNode out = Wire.object();
        if (experiments.isEmpty()) return Wire.ok(out); // MLflow: no experiments, no runs
        // jruns's REST store sends its whole filter here when MLflow's part leaves some to it
        // (MIN/MAX, OR, ...): run in place of the MLflow filter, so no history need cross the wire
        String whole = c.optString("jruns_filter");
        boolean jruns = whole != null && !whole.isBlank();
        List<String> jrunsOrder = c.strings("jruns_order_by"); // and its order, which MLflow's order_by cannot say
        List<String> order = jrunsOrder.isEmpty() ? c.strings("order_by") : jrunsOrder;
        SearchRequest request = SearchRequest.builder().experiments(experiments)
                .filter(jruns ? whole : c.optString("filter")).viewType(Paging.view(c.optString("run_view_type"), "run_view_type"))
                .orderBy(order.toArray(String[]::new)).maxResults(max).pageToken(c.optString("page_token"))
                .build();
        SearchResult result = store.searchRuns(request);
        ArrayNode runs = Wire.F.arrayNode();
        result.runs().forEach(r -> runs.add(Wire.runNode(r)));
        if (!runs.isEmpty()) out.set("runs", runs);
        result.nextPage().ifPresent(t -> out.put("next_page_token", t));
        if (jruns) out.put("jruns_filter_applied", true);
        if (!jrunsOrder.isEmpty()) out.put("jruns_order_applied", true);
        if ("true".equals(c.optString("jruns_count"))) { // and how many match in all: MLflow has no count
            RunCount n = store.countRuns(request.withPageToken(null), Long.MAX_VALUE);
            if (n.exact()) out.put("jruns_run_count", n.runs());
        }
        return Wire.ok(out);
    }

    static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode n = Wire.object();
        n.set(field, value);
        return n;
    }
}
