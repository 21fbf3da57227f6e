package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.json.RestJson;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * An MLflow 2.12 tracking server in a MockWebServer, written from the recorded exchanges:
 * the same paths, JSON shapes, error answers (JSON for MLflow errors, HTML 404/405 for
 * unknown routes and methods), Content-Type check and limits. It can go down and come back on
 * the same port, and inject faults: 500 or 429 before a request is carried out, 500 after it
 * was, dropped connections, and malformed JSON.
 */
final class FakeMlflow extends Dispatcher implements AutoCloseable {
    /** One request as the server saw it. */
    record Seen(String method, String path, String body, byte[] bytes, String authorization, String contentType) {
    }

    static final String HTML_404 = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
            + "<p>The requested URL was not found on the server. If you entered the URL manually please check your "
            + "spelling and try again.</p>\n";
    static final String HTML_405 = "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
            + "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";

    final FakeState state = new FakeState();
    private final FakeRoutes routes = new FakeRoutes(state);
    private final List<Seen> seen = new ArrayList<>();
    private MockWebServer server;
    private final int port;
    private final Random random = new Random(7);
    /** Which requests faults apply to (default: log-batch). */
    private volatile Predicate<Seen> faultTarget = s -> s.path().endsWith("/runs/log-batch");
    private volatile double failBefore;
    private volatile double failAfter;
    private volatile boolean malformed;
    volatile boolean databricks;
    /** What GET /version answers (49-version: text/html, the bare version). */
    volatile String version = "2.12.2.dev0";
    /** When set, every answer says it is jruns ui in this header value (ServerIdentity.HEADER). */
    volatile String jrunsVersion;
    /** Answers instead of the server when it returns non-null (a misbehaving proxy, say). */
    volatile java.util.function.Function<Seen, MockResponse> override = s -> null;

    FakeMlflow() throws IOException {
        server = newServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        port = server.getPort();
    }

    /** A MockWebServer answering with TCP_NODELAY, as gunicorn does (else each answer waits ~40 ms). */
    private MockWebServer newServer() {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(this);
        s.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new java.net.ServerSocket() {
                    @Override
                    public java.net.Socket accept() throws IOException {
                        java.net.Socket socket = super.accept();
                        socket.setTcpNoDelay(true);
                        return socket;
                    }
                };
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) {
                throw new UnsupportedOperationException();
            }
        });
        return s;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    void stop() throws IOException {
        server.shutdown();
    }

    void start() throws IOException {
        server = newServer();
        server.start(InetAddress.getLoopbackAddress(), port);
    }

    /** Share of targeted requests answered 500/429/dropped without being carried out, and 500 after. */
    void faults(double before, double after) {
        this.failBefore = before;
        this.failAfter = after;
    }

    void faultTarget(Predicate<Seen> target) {
        this.faultTarget = target;
    }

    /** Play jruns ui: say so on every answer, keep what its embedded store keeps (8000-character tags, ':', every point). */
    void playJrunsUi() {
        jrunsVersion = "test";
        state.jruns = true;
        state.tagValueLimit = 8000;
        state.dedupeMetrics = false;
    }

    void malformed(boolean on) {
        this.malformed = on;
    }

    /** The jruns_filter fields runs/search was sent, in order. */
    List<String> jrunsFilters() {
        synchronized (state) {
            return List.copyOf(routes.search.jrunsFilters);
        }
    }

    /** Play jruns ui: run the whole jruns filter a search sends beside MLflow's. */
    void runJrunsFilters(boolean on) {
        routes.search.runsJrunsFilters = on;
    }

    /** The filters runs/search was asked to run, in order. */
    List<String> filters() {
        synchronized (state) {
            return List.copyOf(routes.search.filters);
        }
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized long count(String pathSuffix) {
        return seen.stream().filter(s -> s.path().contains(pathSuffix)).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse r = answerOrFault(request);
        String jruns = jrunsVersion;
        return jruns == null ? r : r.setHeader(ServerIdentity.HEADER, jruns);
    }

    private MockResponse answerOrFault(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url == null ? "" : url.encodedPath();
        byte[] bytes = request.getBody().readByteArray();
        Seen s = new Seen(request.getMethod(), path + (url != null && url.encodedQuery() != null ? "?" + url.encodedQuery() : ""),
                new String(bytes, StandardCharsets.UTF_8), bytes, request.getHeader("Authorization"),
                request.getHeader("Content-Type"));
        synchronized (this) {
            seen.add(s);
        }
        MockResponse forced = override.apply(s);
        if (forced != null) return forced;
        boolean targeted = faultTarget.test(s);
        if (targeted && malformed) return new MockResponse().setBody("{\"run\": <html>oops").setHeader("Content-Type", "application/json");
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        if (targeted && dice < failBefore) {
            int kind = (int) (dice / failBefore * 3);
            if (kind == 0) return error(500, "INTERNAL_ERROR", "simulated failure before the request was carried out");
            if (kind == 1) return error(429, "REQUEST_LIMIT_EXCEEDED", "simulated rate limit").setHeader("Retry-After", "0");
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
        }
        MockResponse answer;
        synchronized (state) {
            answer = answer(s, url);
        }
        if (targeted && answer.getStatus().contains(" 200") && dice < failBefore + failAfter) {
            return error(500, "INTERNAL_ERROR", "simulated failure after the request was carried out");
        }
        return answer;
    }

    private MockResponse answer(Seen s, HttpUrl url) {
        try {
            if (url.encodedPath().startsWith("/api/2.0/mlflow-artifacts/artifacts/")) return routes.artifact(s, url.encodedPath());
            if (s.path().equals("/version") && s.method().equals("GET")) {
                return databricks ? html(404, HTML_404) : new MockResponse()
                        .setHeader("Content-Type", "text/html; charset=utf-8").setBody(version);
            }
            if (!s.path().startsWith("/api/2.0/mlflow/")) return html(404, HTML_404);
            String endpoint = url.encodedPath().substring("/api/2.0/mlflow/".length());
            if (s.method().equals("POST") && (s.contentType() == null || !s.contentType().startsWith("application/json"))) {
                return error(400, "INVALID_PARAMETER_VALUE", "Bad Request. Content-Type must be one of ['application/json'].");
            }
            if (endpoint.startsWith("databricks/") && !databricks) return html(404, HTML_404);
            JsonNode body = s.method().equals("GET") ? query(url) : RestJson.parse(s.body().isEmpty() ? "{}" : s.body());
            JsonNode out = routes.call(s.method(), endpoint, body);
            if (out == null) return html(routes.knows(endpoint) ? 405 : 404, routes.knows(endpoint) ? HTML_405 : HTML_404);
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(RestJson.pretty(out));
        } catch (FakeError e) {
            return error(e.status, e.code, e.getMessage());
        }
    }

    private static JsonNode query(HttpUrl url) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (String name : url.queryParameterNames()) {
            List<String> values = url.queryParameterValues(name);
            if (name.equals("run_ids") || values.size() > 1) {
                var a = n.putArray(name);
                values.forEach(a::add);
            } else n.put(name, values.get(0));
        }
        return n;
    }

    static MockResponse error(int status, String code, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("error_code", code).put("message", message);
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(RestJson.compact(n));
    }

    static MockResponse html(int status, String page) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody(page);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
