package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.ViewType;
import io.jruns.internal.validate.Validation;
import io.jruns.store.Store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** experiments/*: create, get, get-by-name, search, set-experiment-tag; update, delete and restore answer 501. */
final class ExperimentEndpoints {
    private ExperimentEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Store store) {
        e.post("experiments/create", c -> {
            String name = c.string("name");
            Validation.experimentName(name);
            String location = c.optString("artifact_location");
            if (location != null && !location.isBlank()) {
                throw JrunsException.invalid("artifact_location is not taken here: jruns ui keeps every run's artifacts in its"
                        + " store and serves them through its artifact proxy (leave artifact_location out)");
            }
            Map<String, String> tags = tags(c);
            if (store.getExperimentByName(name).isPresent()) {
                throw new JrunsException(JrunsException.Code.RESOURCE_ALREADY_EXISTS, "Experiment(name=" + name + ") already exists.");
            }
            return Wire.ok(Wire.object().put("experiment_id", store.createExperiment(name, null, tags)));
        });
        e.get("experiments/get", c -> Wire.ok(wrap(require(store, c.string("experiment_id")))));
        e.get("experiments/get-by-name", c -> {
            String name = c.string("experiment_name");
            return Wire.ok(wrap(store.getExperimentByName(name).orElseThrow(() ->
                    JrunsException.notFound("Could not find experiment with name '" + name + "'"))));
        });
        e.both("experiments/search", c -> search(store, c));
        e.post("experiments/set-experiment-tag", c -> {
            String id = c.string("experiment_id");
            String key = c.string("key");
            Validation.key("tag", key);
            String value = c.optString("value");
            require(store, id);
            store.setExperimentTag(id, key, Validation.tagValue(key, value == null ? "" : value,
                    io.jruns.store.LongValues.fromEnvironment()));
            return Wire.empty();
        });
        for (String what : List.of("update", "delete", "restore")) {
            e.post("experiments/" + what, c -> {
                require(store, c.string("experiment_id"));
                throw new JrunsException(JrunsException.Code.NOT_IMPLEMENTED, "experiments/" + what
                        + " is not available: jruns stores do not rename, delete or restore experiments yet");
            });
        }
    }

    static Experiment require(Store store, String id) {
        if (!id.matches("[0-9]{1,19}")) throw JrunsException.invalid("Invalid experiment id '" + id + "': expected a number");
        return store.getExperiment(id).orElseThrow(() -> JrunsException.notFound("No Experiment with id=" + id + " exists"));
    }

    private static ObjectNode wrap(Experiment x) {
        ObjectNode n = Wire.object();
        n.set("experiment", Wire.experimentNode(x));
        return n;
    }

    private static Map<String, String> tags(ApiCall c) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : c.objects("tags")) {
            String key = t.path("key").asText(null);
            Validation.key("tag", key);
            tags.put(key, Validation.tagValue(key, t.path("value").asText(""), io.jruns.store.LongValues.fromEnvironment()));
        }
        return tags;
    }

    private static io.jruns.internal.ui.http.Response search(Store store, ApiCall c) {
        ViewType view = Paging.view(c.optString("view_type"), "view_type");
        int max = c.optInt("max_results", 1000);
        if (max < 1 || max > 50_000) throw JrunsException.invalid("Invalid value " + max + " for parameter 'max_results' supplied");
        ExperimentFilter filter = ExperimentFilter.parse(c.optString("filter"));
        List<Experiment> found = store.listExperiments(view).stream().filter(filter::matches)
                .sorted(ExperimentFilter.order(c.strings("order_by"))).toList();
        int from = Paging.offset(c.optString("page_token"));
        int to = (int) Math.min((long) from + max, found.size());
        ObjectNode out = Wire.object();
        ArrayNode a = Wire.F.arrayNode();
        for (int i = Math.min(from, found.size()); i < to; i++) a.add(Wire.experimentNode(found.get(i)));
        if (!a.isEmpty()) out.set("experiments", a);
        if (to < found.size()) out.put("next_page_token", Paging.token(to));
        return Wire.ok(out);
    }
}
