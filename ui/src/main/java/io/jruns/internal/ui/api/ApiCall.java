package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.internal.json.Json;
import io.jruns.internal.ui.http.Request;
import io.jruns.json.RestJson;

import java.util.ArrayList;
import java.util.List;

/**
 * One MLflow API call's fields, read alike from a POST's JSON body or a GET's query string (MLflow
 * takes both for its read calls). A POST must say {@code Content-Type: application/json}, as
 * MLflow's server demands (and so a cross-site form can never post here).
 */
record ApiCall(Request request, JsonNode body) {

    static ApiCall of(Request r) {
        if (r.method().equals("GET") || r.method().equals("HEAD")) {
            ObjectNode q = Json.MAPPER.createObjectNode();
            r.query().forEach((k, vs) -> {
                if (vs.size() == 1) q.put(k, vs.get(0));
                else vs.forEach(v -> q.withArray(k).add(v));
            });
            return new ApiCall(r, q);
        }
        String type = r.header("Content-Type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw JrunsException.invalid("Bad Request. Content-Type must be one of ['application/json'].");
        }
        String text = r.bodyText();
        JsonNode b = text.isBlank() ? Json.MAPPER.createObjectNode() : RestJson.parse(text);
        if (!b.isObject()) throw JrunsException.invalid("the request body must be a JSON object");
        return new ApiCall(r, b);
    }

    /** A field MLflow requires: missing is its INVALID_PARAMETER_VALUE. */
    String string(String name) {
        String v = optString(name);
        if (v == null || v.isEmpty()) throw missing(name);
        return v;
    }

    String optString(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (n.isArray()) n = n.isEmpty() ? null : n.get(0);
        if (n == null) return null;
        if (n.isValueNode()) return n.asText();
        throw JrunsException.invalid("Invalid value " + n + " for parameter '" + name + "' supplied: expected a string");
    }

    /** An int64, as a JSON number or a decimal string (protobuf's JSON form). */
    Long optLong(String name) {
        String v = optString(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw JrunsException.invalid("Invalid value " + v + " for parameter '" + name + "' supplied: expected an integer");
        }
    }

    long requiredLong(String name) {
        Long v = optLong(name);
        if (v == null) throw missing(name);
        return v;
    }

    int optInt(String name, int dflt) {
        Long v = optLong(name);
        if (v == null) return dflt;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw JrunsException.invalid("Invalid value " + v + " for parameter '" + name + "' supplied");
        }
        return v.intValue();
    }

    /** A repeated field: a JSON array, one value, or a repeated query parameter. */
    List<String> strings(String name) {
        JsonNode n = body.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(e -> out.add(e.asText()));
        else out.add(n.asText());
        return out;
    }

    /** The objects of an array field ({@code metrics}, {@code tags}); absent means none. */
    List<JsonNode> objects(String name) {
        JsonNode n = body.get(name);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw JrunsException.invalid("Invalid value for parameter '" + name + "': expected a list");
        for (JsonNode e : n) {
            if (!e.isObject()) throw JrunsException.invalid("Invalid value for parameter '" + name + "': expected objects");
            out.add(e);
        }
        return out;
    }

    static JrunsException missing(String name) {
        return JrunsException.invalid("Missing value for required parameter '" + name
                + "'. See the API docs for more information about request parameters.");
    }
}
