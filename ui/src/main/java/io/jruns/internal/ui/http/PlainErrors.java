package io.jruns.internal.ui.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answers Jetty gives itself, before a request reaches the server's handler (an ambiguous
 * path, a request too big): one plain line saying what was wrong, or MLflow's JSON error shape
 * under the API's paths, with the same hardening headers as every page, and nothing of the
 * request echoed back (only our own words for Jetty's fixed reasons).
 */
public final class PlainErrors extends ErrorHandler {
    /** Jetty's reasons (its exception messages) in words that say what to change. */
    private static final Map<String, String> WHY = Map.of(
            "ambiguous uri path segment", "an encoded '.' or '..' path part (%2e) is refused",
            "ambiguous uri empty segment", "an empty path part ('//') is refused",
            "ambiguous uri path separator", "an encoded '/' (%2F) inside a path part is refused",
            "ambiguous uri path parameter", "a ';' parameter in the path is refused",
            "suspicious path character", "a backslash or control character in the path is refused",
            "illegal path character", "a character not allowed in a path was sent",
            "bad utf-8 encoding", "the path's %-encoding is not UTF-8",
            "truncated utf-8 encoding", "the path's %-encoding is not UTF-8",
            "bad percent encoding", "a '%' in the path is not followed by two hex digits (send '%' as %25)");

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        harden(fields);
        fields.put(HttpHeader.CONTENT_TYPE, io.jruns.internal.ui.http.Response.TEXT);
        return ByteBuffer.wrap((line(status, why(status, reason)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() > 0 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        String why = why(status, request.getAttribute(ERROR_MESSAGE) instanceof String s ? s : null);
        harden(response.getHeaders());
        String body;
        if (api(request.getHttpURI() == null ? null : request.getHttpURI().getPath())) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, io.jruns.internal.ui.http.Response.JSON);
            body = io.jruns.internal.json.Json.MAPPER.createObjectNode().put("error_code", status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST")
                    .put("message", why).toString();
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, io.jruns.internal.ui.http.Response.TEXT);
            body = line(status, why) + "\n";
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The paths MLflow clients call, which read errors as JSON. */
    static boolean api(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/ajax-api/"));
    }

    /** What was wrong, in our words: Jetty's known reasons mapped, else the status's own reason. */
    static String why(int status, String jettyReason) {
        String known = jettyReason == null ? null : WHY.get(jettyReason.strip().toLowerCase(java.util.Locale.ROOT));
        if (known != null) return known;
        return switch (status) {
            case 414 -> "the address is too long (over 64 KB)";
            case 431 -> "the request's headers are too large (over 64 KB)";
            case 413 -> "the request's body is too large";
            case 400 -> "the request is malformed";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield reason == null ? "refused" : reason.toLowerCase(java.util.Locale.ROOT);
            }
        };
    }

    private static String line(int status, String why) {
        String reason = HttpStatus.getMessage(status);
        return status + " " + (reason == null ? "" : reason) + ": " + why;
    }

    private static void harden(HttpFields.Mutable h) {
        h.put("Content-Security-Policy", Guard.CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
    }
}
