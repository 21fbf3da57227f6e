package io.jruns.magics.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notebook a run ran: the saved notebook with the code the kernel executed during the run
 * put in place. Why this merge: the saved file holds what ran before the run (set-up cells,
 * markdown), which a reproduction needs too, and the executed cells are the run's truth.
 * <ul>
 * <li>An executed cell replaces the saved cell with its id (JupyterLab, {@code jruns execute});
 * without an id (the classic notebook) the saved code cell with the same code is its place.
 * The last execution of a cell wins, as the notebook shows it.</li>
 * <li>An executed cell with no such place (edited without an id, or new and unsaved) goes after
 * the cell executed before it, in execution order. Saved code cells between the two cells
 * that ran around it, which did not run themselves, were not what ran there (the edited
 * cell's old text): they are left out. The saved file is kept beside, unchanged.</li>
 * </ul>
 * Replaced and new cells lose their saved outputs: those came from other code.
 */
public final class RanNotebook {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One cell the kernel executed while the run was active. @param id the frontend's cellId, or null */
    public record Cell(String id, String code) { }

    /**
     * @param differs    whether what ran is not what the saved file says
     * @param outOfOrder whether the run's own cells ran out of their saved order, or one more than
     *                   once: a reproduction runs them top to bottom, once each
     */
    public record Result(String text, boolean differs, boolean outOfOrder) { }

    private RanNotebook() {
    }

    /**
     * @param saved the saved notebook's text, or null when there is none
     * @param what  names the saved notebook in an error
     */
    public static Result merge(String saved, List<Cell> executed, String what) {
        return merge(saved, executed, 0, what);
    }

    /**
     * As {@link #merge(String, List, String)}, where {@code executed} starts with the cells run in
     * the kernel before the run began (set-up edited and run before saving counts too) and the
     * run's own cells start at {@code runFrom}: only their order is checked.
     */
    public static Result merge(String saved, List<Cell> executed, int runFrom, String what) {
        ObjectNode nb = saved == null ? empty() : parse(saved, what);
        ArrayNode cells = (ArrayNode) nb.get("cells");
        List<ObjectNode> savedCells = new ArrayList<>();
        cells.forEach(c -> savedCells.add((ObjectNode) c));
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < savedCells.size(); i++) {
            String id = savedCells.get(i).path("id").asText("");
            if (!id.isEmpty()) byId.putIfAbsent(id, i);
        }
        // place of each executed cell in the saved list, or -1
        int[] place = new int[executed.size()];
        Set<Integer> taken = new HashSet<>();
        for (int e = 0; e < executed.size(); e++) {
            Cell c = executed.get(e);
            Integer at = c.id() == null ? null : byId.get(c.id());
            if (at == null) at = sameCode(savedCells, c.code(), taken);
            place[e] = at == null ? -1 : at;
            if (at != null) taken.add(at);
        }
        boolean outOfOrder = false;
        for (int e = Math.max(runFrom, 0), last = -1; e < executed.size(); e++) {
            if (place[e] < 0) continue;
            if (place[e] <= last) outOfOrder = true;
            last = Math.max(last, place[e]);
        }
        boolean differs = false;
        Map<Integer, String> code = new HashMap<>();
        Map<Integer, String> newId = new HashMap<>();
        Map<Integer, List<Cell>> insertedAfter = new HashMap<>(); // -1: before the first saved cell
        Set<Integer> dropped = new HashSet<>();
        for (int e = 0; e < executed.size(); e++) {
            Cell c = executed.get(e);
            if (place[e] >= 0) {
                code.put(place[e], c.code());
                if (c.id() != null && savedCells.get(place[e]).path("id").asText("").isEmpty()) newId.put(place[e], c.id());
                continue;
            }
            differs = true;
            int before = -1;
            for (int p = e - 1; p >= 0 && before < 0; p--) before = place[p];
            int after = -1;
            for (int n = e + 1; n < executed.size() && after < 0; n++) after = place[n];
            if (before < 0 && after < 0) before = savedCells.size() - 1; // nothing of the saved file ran: append
            else if (before < 0) before = after - 1;
            insertedAfter.computeIfAbsent(before, k -> new ArrayList<>()).add(c);
            if (after > before) {
                for (int i = before + 1; i < after; i++) {
                    if (!taken.contains(i) && savedCells.get(i).path("cell_type").asText().equals("code")) dropped.add(i);
                }
            }
        }
        ArrayNode out = JSON.createArrayNode();
        insertedAfter.getOrDefault(-1, List.of()).forEach(c -> out.add(codeCell(c)));
        for (int i = 0; i < savedCells.size(); i++) {
            ObjectNode cell = savedCells.get(i);
            if (dropped.contains(i)) {
                differs = true;
            } else if (code.containsKey(i)) {
                String was = NotebookText.source(cell.path("source"));
                if (!was.equals(code.get(i))) {
                    differs = true;
                    cell.put("source", code.get(i));
                    cell.putNull("execution_count");
                    cell.putArray("outputs");
                }
                if (newId.containsKey(i)) cell.put("id", newId.get(i));
                out.add(cell);
            } else {
                out.add(cell);
            }
            insertedAfter.getOrDefault(i, List.of()).forEach(c -> out.add(codeCell(c)));
        }
        nb.set("cells", out);
        boolean ids = false;
        for (JsonNode c : out) ids |= c.has("id");
        // cell ids are valid from nbformat 4.5 on
        if (ids && nb.path("nbformat_minor").asInt(0) < 5) nb.put("nbformat_minor", 5);
        try {
            return new Result(JSON.writeValueAsString(nb) + "\n", differs, outOfOrder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the notebook that ran: " + e.getMessage(), e);
        }
    }

    private static Integer sameCode(List<ObjectNode> cells, String code, Set<Integer> taken) {
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode c = cells.get(i);
            if (!taken.contains(i) && c.path("cell_type").asText().equals("code")
                    && NotebookText.source(c.path("source")).equals(code)) return i;
        }
        return null;
    }

    private static ObjectNode codeCell(Cell c) {
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", "code");
        if (c.id() != null) cell.put("id", c.id());
        cell.putNull("execution_count");
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.put("source", c.code());
        return cell;
    }

    private static ObjectNode empty() {
        ObjectNode nb = JSON.createObjectNode();
        nb.putArray("cells");
        nb.putObject("metadata");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return nb;
    }

    private static ObjectNode parse(String text, String what) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n instanceof ObjectNode o && o.path("cells").isArray()) return o;
        } catch (Exception e) {
            throw JrunsException.invalid(what + " is not readable as a notebook: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        throw JrunsException.invalid(what + " is not a notebook: it has no list of cells");
    }
}
