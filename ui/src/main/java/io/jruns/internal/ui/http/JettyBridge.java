package io.jruns.internal.ui.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only class that knows Jetty: turns its request into ours, runs the {@link Guard}, the
 * {@link Router} and the handler, and writes the answer with the security headers every
 * response carries.
 */
public final class JettyBridge extends Handler.Abstract {
    /** Bodies above this are refused before they are read (a log-batch is at most ~1 MB in MLflow). */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private final Guard guard;
    private final Router router;

    public JettyBridge(Guard guard, Router router) {
        this.guard = guard;
        this.router = router;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request jr, org.eclipse.jetty.server.Response jw, Callback callback) {
        Response answer;
        Request r = null;
        try {
            r = convert(jr);
            answer = answer(r);
        } catch (Exception | StackOverflowError e) {
            answer = r == null ? Response.text(400, "jruns ui: bad request: " + e.getMessage()) : Errors.of(r, e);
        }
        write(answer, r == null ? null : r.path(), jw, callback);
        return true;
    }

    /** Guard, route, handle: also what tests call without a socket. */
    public Response answer(Request r) {
        try {
            var refused = guard.check(r);
            if (refused.isPresent()) return refused.get();
            var match = router.route(r);
            if (match.isEmpty()) return Errors.of(r, 404, "ENDPOINT_NOT_FOUND", "no page at " + r.path());
            return match.get().handler().handle(match.get().request());
        } catch (Exception e) {
            return Errors.of(r, e);
        }
    }

    private static Request convert(org.eclipse.jetty.server.Request jr) throws Exception {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField f : jr.getHeaders()) headers.merge(f.getName(), f.getValue(), (a, b) -> a + ", " + b);
        long length = jr.getLength();
        if (length > MAX_BODY) throw new IllegalArgumentException("the body is over " + MAX_BODY + " bytes");
        byte[] body;
        try (var in = Content.Source.asInputStream(jr)) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) throw new IllegalArgumentException("the body is over " + MAX_BODY + " bytes");
        String path = jr.getHttpURI().getDecodedPath();
        Map<String, List<String>> query = Request.parseQuery(jr.getHttpURI().getQuery());
        return new Request(jr.getMethod(), path == null ? "/" : path, query, headers, body, Map.of());
    }

    private static void write(Response a, String path, org.eclipse.jetty.server.Response jw, Callback callback) {
        jw.setStatus(a.status());
        var h = jw.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, a.contentType());
        h.put("Content-Security-Policy", Guard.csp(path));
        if (Guard.csp(path).equals(Guard.CSP)) h.put("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        a.headers().forEach(h::put);
        jw.write(true, ByteBuffer.wrap(a.body()), callback);
    }
}
