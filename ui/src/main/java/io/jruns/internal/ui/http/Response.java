package io.jruns.internal.ui.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body and any extra headers. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    public static Response html(String html) {
        return of(200, HTML, html);
    }

    public static Response json(int status, String json) {
        return of(status, JSON, json);
    }

    public static Response text(int status, String text) {
        return of(status, TEXT, text);
    }

    public static Response of(int status, String type, String body) {
        return new Response(status, type, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response bytes(String type, byte[] body) {
        return new Response(200, type, body, Map.of());
    }

    /** 303 See Other: after a form post, the browser GETs {@code location}. */
    public static Response seeOther(String location) {
        return new Response(303, TEXT, new byte[0], Map.of("Location", location));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(h));
    }

    /**
     * A download saved as {@code fileName}: an ASCII stand-in for old clients, and the name
     * itself as RFC 6266's {@code filename*} (no raw non-ASCII bytes in a header).
     */
    public Response asAttachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return withHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A"));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
