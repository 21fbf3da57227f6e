package io.jruns.internal.ui.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the UI's handlers see it, free of the server library: the decoded
 * path, query and form fields, case-insensitive headers, the body, and the path parameters
 * the {@link Router} matched ({@code /runs/{id}} gives {@code param("id")}).
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                      byte[] body, Map<String, String> params) {

    /** The same request with the router's path parameters. */
    public Request withParams(Map<String, String> matched) {
        return new Request(method, path, query, headers, body, Map.copyOf(matched));
    }

    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalStateException("route has no {" + name + "}");
        return v;
    }

    /** The first value of a query field. */
    public Optional<String> query(String name) {
        List<String> vs = query.get(name);
        return vs == null || vs.isEmpty() ? Optional.empty() : Optional.of(vs.get(0));
    }

    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body read as an HTML form ({@code application/x-www-form-urlencoded}). */
    public Map<String, List<String>> form() {
        return parseQuery(bodyText());
    }

    /** The first value of a form field. */
    public Optional<String> formField(String name) {
        List<String> vs = form().get(name);
        return vs == null || vs.isEmpty() ? Optional.empty() : Optional.of(vs.get(0));
    }

    /** {@code a=1&b=x%20y} as ordered fields; a field without '=' has the empty value. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException bad) {
            return s; // a stray % stays as typed rather than failing the request
        }
    }
}
