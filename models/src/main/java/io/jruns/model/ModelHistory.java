package io.jruns.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.internal.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run tag {@code mlflow.log-model.history}: a JSON list with one entry per logged model
 * (run_id, artifact_path, utc_time_created, flavors, model_uuid, ...), as MLflow writes it.
 * A tag holds at most 8000 characters, so the oldest entries give way when it would not fit.
 */
public final class ModelHistory {
    static final int MAX_TAG = 8000;
    private static final ObjectMapper JSON = Json.MAPPER;

    private ModelHistory() {
    }

    /** The tag's new value: {@code current} (may be null or unreadable) with {@code model} appended. */
    static String append(String current, MlModel model) {
        List<JsonNode> entries = new ArrayList<>(entries(current));
        ObjectNode entry = entry(model, true);
        entries.add(entry);
        String out = write(entries);
        while (out.length() > MAX_TAG && entries.size() > 1) {
            entries.remove(0);
            out = write(entries);
        }
        if (out.length() > MAX_TAG) {
            entries.set(0, entry(model, false)); // a very wide signature: keep the entry without it
            out = write(entries);
        }
        return out;
    }

    /** The artifact paths of the models in the tag, oldest first. */
    public static List<String> artifactPaths(String tag) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : entries(tag)) {
            String p = e.path("artifact_path").asText("");
            if (!p.isEmpty() && !out.contains(p)) out.add(p);
        }
        return out;
    }

    private static List<JsonNode> entries(String tag) {
        List<JsonNode> out = new ArrayList<>();
        if (tag == null || tag.isBlank()) return out;
        try {
            JsonNode n = JSON.readTree(tag);
            if (n.isArray()) n.forEach(out::add);
        } catch (JsonProcessingException e) {
            // someone else's value: start a new list rather than fail the logging
        }
        return out;
    }

    private static ObjectNode entry(MlModel m, boolean withSignature) {
        ObjectNode e = JSON.createObjectNode();
        e.put("run_id", m.runId());
        e.put("artifact_path", m.artifactPath());
        e.put("utc_time_created", m.utcTimeCreated());
        ObjectNode flavors = e.putObject("flavors");
        for (Map.Entry<String, Map<String, String>> f : m.flavors().entrySet()) {
            ObjectNode o = flavors.putObject(f.getKey());
            new TreeMap<>(f.getValue()).forEach(o::put);
        }
        e.put("model_uuid", m.modelUuid());
        if (m.modelSizeBytes() != null) e.put("model_size_bytes", m.modelSizeBytes());
        if (withSignature && m.signature() != null) {
            ObjectNode s = e.putObject("signature");
            s.put("inputs", ModelSignature.toJson(m.signature().inputs()));
            s.put("outputs", ModelSignature.toJson(m.signature().outputs()));
            s.putNull("params");
        }
        if (m.hasInputExample()) {
            ObjectNode ex = e.putObject("saved_input_example_info");
            ex.put("artifact_path", InputExample.FILE);
            ex.put("type", "dataframe");
            ex.put("pandas_orient", "split");
        }
        return e;
    }

    private static String write(List<JsonNode> entries) {
        ArrayNode a = JSON.createArrayNode();
        entries.forEach(a::add);
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
