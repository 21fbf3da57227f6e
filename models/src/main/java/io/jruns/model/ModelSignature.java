package io.jruns.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.internal.json.Json;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model takes and gives: input and output columns with MLflow data types. In MLmodel
 * each side is a JSON string, {@code [{"type": "double", "name": "x", "required": true}]},
 * as MLflow writes a column-based signature.
 */
public record ModelSignature(List<ColumnSpec> inputs, List<ColumnSpec> outputs) {
    private static final ObjectMapper JSON = Json.MAPPER;

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The columns of a table, in order. */
    public static List<ColumnSpec> columnsOf(Table table) {
        List<ColumnSpec> out = new ArrayList<>();
        for (Column<?> c : table.columns()) out.add(new ColumnSpec(c.name(), ColumnTypes.of(c)));
        return out;
    }

    public List<String> inputNames() {
        return inputs.stream().map(ColumnSpec::name).toList();
    }

    /** One side as MLflow writes it: {@code [{"type": "double", "name": "x", "required": true}, ...]}. */
    public static String toJson(List<ColumnSpec> columns) {
        StringBuilder b = new StringBuilder("[");
        for (ColumnSpec c : columns) {
            if (b.length() > 1) b.append(", ");
            b.append("{\"type\": ").append(quote(c.type())).append(", \"name\": ").append(quote(c.name()))
                    .append(", \"required\": true}");
        }
        return b.append(']').toString();
    }

    static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    /** Reads one side of a signature; a tensor-based (Python) signature is refused by name. */
    public static List<ColumnSpec> fromJson(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            JsonNode a = JSON.readTree(json);
            List<ColumnSpec> out = new ArrayList<>();
            int i = 0;
            for (JsonNode c : a) {
                if (!c.has("type") || c.path("type").asText().equals("tensor")) {
                    throw new IllegalArgumentException("signature column " + i + " is not a column spec (tensor signatures are not supported)");
                }
                String name = c.has("name") ? c.get("name").asText() : String.valueOf(i);
                out.add(new ColumnSpec(name, c.get("type").asText()));
                i++;
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a signature is not JSON: " + e.getOriginalMessage());
        }
    }
}
