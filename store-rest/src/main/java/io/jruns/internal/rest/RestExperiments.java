package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.internal.rest.RestTransport.Repeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The REST store's experiment calls (experiments/*). */
final class RestExperiments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RestTransport http;

    RestExperiments(RestTransport http) {
        this.http = http;
    }

    String create(String name, String artifactLocation, Map<String, String> tags) {
        ObjectNode b = F.objectNode().put("name", name);
        if (artifactLocation != null && !artifactLocation.isBlank()) b.put("artifact_location", artifactLocation);
        if (!tags.isEmpty()) b.set("tags", keyValues(tags));
        return http.post("experiments/create", b, Repeat.UNSENT_ONLY).path("experiment_id").asText();
    }

    Optional<Experiment> get(String experimentId) {
        return one("GET experiments/get", () -> http.get("experiments/get", Map.of("experiment_id", experimentId)));
    }

    Optional<Experiment> byName(String name) {
        return one("GET experiments/get-by-name", () -> http.get("experiments/get-by-name", Map.of("experiment_name", name)));
    }

    private Optional<Experiment> one(String what, Supplier<JsonNode> call) {
        try {
            JsonNode answer = call.get();
            return Optional.of(RestErrors.reading(what, http.config(),
                    () -> RestJson.experiment(required(answer, "experiment"), "experiment")));
        } catch (RestException e) {
            if (e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST) return Optional.empty();
            throw e;
        }
    }

    List<Experiment> list(ViewType viewType) {
        return search(viewType, null);
    }

    /**
     * Active experiments whose tag {@code key} is {@code value}, oldest first, with the filter
     * MLflow's experiments/search takes ({@code tags."KEY" = 'VALUE'}). MLflow's filter has no
     * escape for a quote in a value, so such a value (or a backslash, read differently by
     * servers) is matched here over every experiment; either way only exact matches are kept.
     */
    List<Experiment> tagged(String key, String value) {
        boolean sayable = !key.contains("\"") && !key.contains("\\") && !value.contains("'") && !value.contains("\\");
        List<Experiment> found = search(ViewType.ACTIVE_ONLY, sayable ? "tags.\"" + key + "\" = '" + value + "'" : null);
        return found.stream().filter(e -> value.equals(e.tags().get(key)))
                .sorted(Experiment.OLDEST_FIRST).toList();
    }

    private List<Experiment> search(ViewType viewType, String filter) {
        List<Experiment> out = new ArrayList<>();
        String token = null;
        do {
            ObjectNode b = F.objectNode().put("max_results", 1000).put("view_type", viewType.name());
            if (filter != null) b.put("filter", filter);
            if (token != null) b.put("page_token", token);
            JsonNode answer = http.post("experiments/search", b, Repeat.SAFE);
            RestErrors.reading("POST experiments/search", http.config(), () -> {
                for (JsonNode n : answer.path("experiments")) out.add(RestJson.experiment(n, "experiments[]"));
                return null;
            });
            token = answer.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return out;
    }

    void setTag(String experimentId, String key, String value) {
        http.post("experiments/set-experiment-tag", F.objectNode().put("experiment_id", experimentId)
                .put("key", key).put("value", value), Repeat.SAFE);
    }

    void rename(String experimentId, String newName) {
        http.post("experiments/update", F.objectNode().put("experiment_id", experimentId).put("new_name", newName),
                Repeat.SAFE);
    }

    /** experiments/delete or experiments/restore. */
    void lifecycle(String endpoint, String experimentId) {
        http.post(endpoint, F.objectNode().put("experiment_id", experimentId), Repeat.SAFE);
    }

    static ArrayNode keyValues(Map<String, String> map) {
        ArrayNode a = F.arrayNode();
        map.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    /** The object field of an answer, or a clear error when the server left it out. */
    static JsonNode required(JsonNode answer, String field) {
        JsonNode n = answer.get(field);
        if (n == null || !n.isObject()) throw JrunsException.invalid("MLflow JSON: missing object '" + field + "'");
        return n;
    }
}
