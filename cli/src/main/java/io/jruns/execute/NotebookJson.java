package io.jruns.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.internal.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a notebook, injects a parameters cell, and reads executed outputs back. */
public final class NotebookJson {
    private static final ObjectMapper JSON = Json.MAPPER;

    private NotebookJson() {
    }

    public static ObjectNode read(Path notebook) {
        try {
            JsonNode n = JSON.readTree(Files.readString(notebook));
            if (!(n instanceof ObjectNode o) || !o.has("cells")) {
                throw JrunsException.invalid(notebook + " is not a Jupyter notebook (no cells)");
            }
            return o;
        } catch (IOException e) {
            throw JrunsException.invalid("cannot read notebook " + notebook + ": " + e.getMessage().split("\n")[0]);
        }
    }

    public static ObjectNode parse(String text, String what) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException | ClassCastException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, what + " is not a notebook");
        }
    }

    public static String write(ObjectNode notebook) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(notebook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the parameters cell after the cell tagged {@code parameters} (papermill's
     * convention), else before the first code cell.
     */
    public static void injectParameters(ObjectNode notebook, Parameters parameters) {
        if (parameters.isEmpty()) return;
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        int at = -1;
        for (int i = 0; i < cells.size(); i++) {
            for (JsonNode tag : cells.get(i).path("metadata").path("tags")) {
                if (tag.asText().equals("parameters")) at = i + 1;
            }
        }
        if (at < 0) {
            at = 0;
            while (at < cells.size() && !"code".equals(cells.get(at).path("cell_type").asText())) at++;
        }
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", "code");
        cell.put("id", "injected-parameters");
        cell.set("metadata", JSON.createObjectNode().set("tags", JSON.createArrayNode().add("injected-parameters")));
        cell.set("outputs", JSON.createArrayNode());
        cell.putNull("execution_count");
        cell.put("source", parameters.toJava(ParameterCell.declared(notebook).orElse(Map.of())));
        cells.insert(at, cell);
    }

    /** The text a person would read from each code cell's outputs, in order. */
    public static List<String> textOutputs(ObjectNode notebook) {
        List<String> out = new ArrayList<>();
        for (JsonNode cell : notebook.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                String type = o.path("output_type").asText();
                if (type.equals("stream")) out.add(text(o.path("text")));
                else if (type.equals("error")) out.add(o.path("ename").asText() + ": " + o.path("evalue").asText() + "\n");
                else if (o.path("data").has("text/plain")) out.add(text(o.path("data").path("text/plain")) + "\n");
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (!n.isArray()) return n.asText();
        StringBuilder b = new StringBuilder();
        n.forEach(line -> b.append(line.asText()));
        return b.toString();
    }
}
