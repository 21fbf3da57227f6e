package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.regex.Pattern;

/**
 * Metric values on MLflow's wire. JSON has no NaN or infinity, so MLflow sends them as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (protobuf's JSON form);
 * finite values are plain numbers. Reading also accepts a number written as a string.
 */
final class WireDoubles {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private WireDoubles() {
    }

    static JsonNode write(double v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (Double.isNaN(v)) return f.textNode("NaN");
        if (v == Double.POSITIVE_INFINITY) return f.textNode("Infinity");
        if (v == Double.NEGATIVE_INFINITY) return f.textNode("-Infinity");
        return f.numberNode(v);
    }

    static double read(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) throw Fields.missing(path, name);
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) {
            String s = n.textValue().trim();
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    // Double.parseDouble would also take "0x1p3" or "1d": accept JSON number syntax only.
                    if (JSON_NUMBER.matcher(s).matches()) return Double.parseDouble(s);
            }
        }
        throw Fields.bad(path + "." + name, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"", n);
    }
}
