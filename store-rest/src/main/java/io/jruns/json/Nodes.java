package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small shapes several messages share: metric points and {key, value} lists. */
final class Nodes {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Nodes() {
    }

    static ObjectNode metric(Metric m) {
        ObjectNode n = F.objectNode();
        n.put("key", m.key());
        n.set("value", WireDoubles.write(m.value()));
        n.put("timestamp", m.timestamp());
        n.put("step", m.step());
        return n;
    }

    static Metric metric(JsonNode n, String path) {
        Long step = Fields.optionalInteger(n, "step", path);
        return new Metric(Fields.string(n, "key", path), WireDoubles.read(n, "value", path),
                Fields.integer(n, "timestamp", path), step == null ? 0 : step);
    }

    static ArrayNode metrics(List<Metric> metrics) {
        ArrayNode a = F.arrayNode();
        metrics.forEach(m -> a.add(metric(m)));
        return a;
    }

    /** MLflow's {@code [{"key": ..., "value": ...}]} form of params and tags. */
    static ArrayNode keyValues(Map<String, String> map) {
        ArrayNode a = F.arrayNode();
        map.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    /** Reads a {key, value} list; a repeated key keeps its last value. */
    static Map<String, String> keyValues(JsonNode parent, String name, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields.list(parent, name, path, (n, at) -> {
            String value = Fields.optionalString(n, "value", at);
            return Map.entry(Fields.string(n, "key", at), value == null ? "" : value);
        }).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Sets an array field only when it has elements: protobuf's JSON omits empty repeated fields. */
    static void putNonEmpty(ObjectNode n, String name, ArrayNode a) {
        if (!a.isEmpty()) n.set(name, a);
    }

    /** An id: a JSON string on MLflow's wire; a bare integer is accepted too. */
    static String id(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n != null && n.isIntegralNumber()) return n.asText();
        return Fields.string(parent, name, path);
    }
}
