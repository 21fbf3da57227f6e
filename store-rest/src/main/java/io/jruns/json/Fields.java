package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads typed fields out of a JSON tree, failing with one line that names the field's path
 * (e.g. {@code run.data.metrics[1].value}) and what was found there.
 */
final class Fields {
    private Fields() {
    }

    static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode n = required(parent, name, path);
        if (!n.isObject()) throw bad(path + "." + name, "an object", n);
        return n;
    }

    static String string(JsonNode parent, String name, String path) {
        JsonNode n = required(parent, name, path);
        if (!n.isTextual()) throw bad(path + "." + name, "a string", n);
        return n.textValue();
    }

    /** A string that may be absent; MLflow omits unset optional fields. */
    static String optionalString(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw bad(path + "." + name, "a string", n);
        return n.textValue();
    }

    static long integer(JsonNode parent, String name, String path) {
        Long v = optionalInteger(parent, name, path);
        if (v == null) throw missing(path, name);
        return v;
    }

    /** An int64; protobuf's JSON form may also send it as a decimal string. */
    static Long optionalInteger(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw bad(path + "." + name, "an integer", n);
    }

    /** The elements of an optional array field, each converted with its path; absent means empty. */
    static <T> List<T> list(JsonNode parent, String name, String path, BiFunction<JsonNode, String, T> each) {
        JsonNode n = parent.get(name);
        List<T> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw bad(path + "." + name, "an array", n);
        for (int i = 0; i < n.size(); i++) {
            String at = path + "." + name + "[" + i + "]";
            JsonNode item = n.get(i);
            if (!item.isObject()) throw bad(at, "an object", item);
            out.add(each.apply(item, at));
        }
        return out;
    }

    private static JsonNode required(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) throw missing(path, name);
        return n;
    }

    static JrunsException missing(String path, String name) {
        return JrunsException.invalid("MLflow JSON: missing field '" + name + "' in " + path);
    }

    static JrunsException bad(String path, String expected, JsonNode found) {
        String shown = found.toString();
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        return JrunsException.invalid("MLflow JSON: " + path + " should be " + expected + ", found " + shown);
    }
}
