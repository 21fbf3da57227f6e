package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.json.RestJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A log-batch request body taken apart, to find which of its values a server refuses: the
 * server refuses a whole request for one bad value, so the request is halved until the bad
 * values stand alone. Halves keep the order of the metrics and of the tags (a later half goes
 * later), so what arrives is what would have arrived, minus the refused values.
 */
final class SplitRequest {
    private record Entity(String list, JsonNode node) {
    }

    private final String runId;
    private final List<Entity> entities = new ArrayList<>();

    private SplitRequest(JsonNode body) {
        this.runId = body.path("run_id").asText();
        for (String list : List.of("metrics", "params", "tags")) {
            for (JsonNode n : body.path(list)) entities.add(new Entity(list, n));
        }
    }

    static SplitRequest of(byte[] body) {
        return new SplitRequest(RestJson.parse(new String(body, StandardCharsets.UTF_8)));
    }

    String runId() {
        return runId;
    }

    int size() {
        return entities.size();
    }

    /** The two halves as request bodies (only for two or more values). */
    List<byte[]> halves() {
        int mid = entities.size() / 2;
        return List.of(body(entities.subList(0, mid)), body(entities.subList(mid, entities.size())));
    }

    /** The one value, for a message: "param 'bad:key'", "metric 'm' (NaN at step 3)". */
    String describeOnly() {
        Entity e = entities.get(0);
        String key = e.node().path("key").asText();
        return switch (e.list()) {
            case "metrics" -> "metric '" + Texts.head(key) + "' (" + e.node().path("value").asText() + " at step "
                    + e.node().path("step").asLong() + ", time " + e.node().path("timestamp").asLong() + ")";
            case "params" -> "param '" + Texts.head(key) + "'";
            default -> "tag '" + Texts.head(key) + "'";
        };
    }

    /** "RUN/param/bad:key": what a refusal is reported once for. */
    String keyOfOnly() {
        Entity e = entities.get(0);
        String kind = switch (e.list()) {
            case "metrics" -> "metric";
            case "params" -> "param";
            default -> "tag";
        };
        return runId + "/" + kind + "/" + e.node().path("key").asText();
    }

    private byte[] body(List<Entity> part) {
        ObjectNode b = JsonNodeFactory.instance.objectNode().put("run_id", runId);
        for (Entity e : part) {
            JsonNode a = b.get(e.list());
            ArrayNode arr = a == null ? b.putArray(e.list()) : (ArrayNode) a;
            arr.add(e.node());
        }
        return RestJson.compact(b).getBytes(StandardCharsets.UTF_8);
    }
}
