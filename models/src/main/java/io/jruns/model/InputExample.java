package io.jruns.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.internal.json.Json;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's input example in MLflow's split orientation: {@code {"columns": [...], "data":
 * [[...], ...]}}, as pandas' {@code to_json(orient="split")} writes it. Missing values are
 * null; dates and times are ISO-8601 strings. At most {@value #MAX_ROWS} rows are kept.
 */
public final class InputExample {
    public static final String FILE = "input_example.json";
    public static final int MAX_ROWS = 100;
    private static final ObjectMapper JSON = Json.MAPPER;

    private InputExample() {
    }

    public static String toJson(Table table) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode columns = root.putArray("columns");
        table.columnNames().forEach(columns::add);
        ArrayNode data = root.putArray("data");
        int rows = Math.min(MAX_ROWS, table.rowCount());
        for (int r = 0; r < rows; r++) {
            ArrayNode row = data.addArray();
            for (Column<?> c : table.columns()) addValue(row, c, r);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addValue(ArrayNode row, Column<?> c, int r) {
        if (c.isMissing(r)) {
            row.addNull();
            return;
        }
        Object v = c.get(r);
        if (v instanceof Double d) row.add(d);
        else if (v instanceof Float f) row.add(f);
        else if (v instanceof Integer i) row.add(i);
        else if (v instanceof Long l) row.add(l);
        else if (v instanceof Short s) row.add(s);
        else if (v instanceof Boolean b) row.add(b);
        else row.add(String.valueOf(v));
    }

    /**
     * Reads an input example back as a table; column types come from {@code columns} when
     * given (the model's input signature), else from the values.
     */
    public static Table fromJson(String json, List<ColumnSpec> columns) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("input example is not JSON: " + e.getOriginalMessage());
        }
        if (!root.path("columns").isArray() || !root.path("data").isArray()) {
            throw new IllegalArgumentException("input example is not in split orientation ({\"columns\": [...], \"data\": [[...]]})");
        }
        List<String> names = new ArrayList<>();
        root.get("columns").forEach(n -> names.add(n.asText()));
        List<Column<?>> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String type = columns.stream().filter(c -> c.name().equals(name)).map(ColumnSpec::type).findFirst()
                    .orElseGet(() -> guessType(root.get("data"), names.indexOf(name)));
            Column<?> col = ColumnTypes.empty(new ColumnSpec(name, type));
            for (JsonNode row : root.get("data")) append(col, row.get(i));
            out.add(col);
        }
        return Table.create("input_example", out);
    }

    private static String guessType(JsonNode data, int index) {
        String type = null;
        for (JsonNode row : data) {
            JsonNode v = row.get(index);
            if (v == null || v.isNull()) continue;
            String t = v.isBoolean() ? "boolean" : v.isIntegralNumber() ? "long" : v.isNumber() ? "double" : "string";
            if (type == null || type.equals(t)) type = t;
            else if ((type.equals("long") && t.equals("double")) || (type.equals("double") && t.equals("long"))) type = "double";
            else return "string";
        }
        return type == null ? "string" : type;
    }

    /** A date, a local date-time, or an instant (read as UTC). */
    static LocalDateTime dateTime(String text) {
        if (text.length() == 10) return java.time.LocalDate.parse(text).atStartOfDay();
        try {
            return LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        }
    }

    private static void append(Column<?> col, JsonNode v) {
        if (v == null || v.isNull()) {
            col.appendMissing();
            return;
        }
        if (col instanceof DoubleColumn d) d.append(v.asDouble());
        else if (col instanceof FloatColumn f) f.append((float) v.asDouble());
        else if (col instanceof IntColumn i) i.append(v.asInt());
        else if (col instanceof LongColumn l) l.append(v.asLong());
        else if (col instanceof BooleanColumn b) b.append(v.asBoolean());
        else if (col instanceof DateTimeColumn t) t.append(dateTime(v.asText()));
        else if (col instanceof StringColumn s) s.append(v.asText());
        else throw new IllegalStateException("unexpected column type " + col.type());
    }
}
