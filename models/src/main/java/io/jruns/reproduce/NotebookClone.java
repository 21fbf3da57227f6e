package io.jruns.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.internal.json.Json;

import java.util.List;

/** Edits a notebook's JSON for its clone: a set-up cell first, and the kernelspec to run it on. */
public final class NotebookClone {
    /** The id and tag of the set-up cell a reproduction adds. */
    public static final String SETUP_CELL = "jruns-reproduce";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final ObjectNode notebook;

    private NotebookClone(ObjectNode notebook) {
        this.notebook = notebook;
    }

    public static NotebookClone parse(String text, String where) {
        try {
            JsonNode n = JSON.readTree(text);
            if (!(n instanceof ObjectNode o) || !o.path("cells").isArray()) {
                throw new IllegalArgumentException(where + " is not a Jupyter notebook (no cells)");
            }
            return new NotebookClone(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Puts a code cell first (replacing a set-up cell an earlier reproduction added). */
    public NotebookClone withSetupCell(List<String> lines, String runId) {
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        if (cells.size() > 0 && SETUP_CELL.equals(cells.get(0).path("id").asText())) cells.remove(0);
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", "code");
        cell.putNull("execution_count");
        if (notebook.path("nbformat").asInt(4) > 4 || notebook.path("nbformat_minor").asInt(0) >= 5) cell.put("id", SETUP_CELL);
        ObjectNode meta = cell.putObject("metadata");
        meta.putArray("tags").add(SETUP_CELL);
        meta.putObject("jruns").put("reproduces", runId);
        cell.putArray("outputs");
        ArrayNode source = cell.putArray("source");
        for (int i = 0; i < lines.size(); i++) source.add(lines.get(i) + (i + 1 < lines.size() ? "\n" : ""));
        cells.insert(0, cell);
        return this;
    }

    /** The kernelspec Jupyter (and nbconvert) start the notebook with. */
    public NotebookClone withKernel(String name, String displayName) {
        ObjectNode meta = notebook.has("metadata") && notebook.get("metadata").isObject()
                ? (ObjectNode) notebook.get("metadata") : notebook.putObject("metadata");
        ObjectNode ks = meta.putObject("kernelspec");
        ks.put("display_name", displayName);
        ks.put("language", "java");
        ks.put("name", name);
        return this;
    }

    public String kernelName() {
        return notebook.path("metadata").path("kernelspec").path("name").asText(null);
    }

    /** The notebook as Jupyter writes it: one-space indents, a final newline. */
    public String text() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(notebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
