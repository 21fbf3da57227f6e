package io.jruns.bench.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's MLflow stand-in on 127.0.0.1: counts requests and the metric points they
 * carry, answers runs/create with a run and everything else with {} at once, on two worker
 * threads (as gunicorn's two workers). TCP_NODELAY is on (sun.net.httpserver.nodelay, set by
 * the caller before the first server is made), as on a real server; without it every answer
 * would wait for a delayed ACK.
 */
final class RecordingServer implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    final AtomicLong requests = new AtomicLong();
    final AtomicLong points = new AtomicLong();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        requests.set(0);
        points.set(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] answer = EMPTY;
            try (InputStream in = ex.getRequestBody()) {
                if (path.endsWith("/runs/log-batch")) points.addAndGet(countMetrics(in));
                else {
                    in.readAllBytes();
                    if (path.endsWith("/runs/log-metric")) points.incrementAndGet();
                    if (path.endsWith("/runs/create")) answer = run();
                }
            }
            // the REST store asks /version once to learn the server's limits: not a logging request
            if (!path.equals("/version")) requests.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
        }
    }

    /** The number of objects in the top-level "metrics" array. */
    private static long countMetrics(InputStream in) throws IOException {
        long n = 0;
        try (JsonParser p = JSON.createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inRoot()
                        && "metrics".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static byte[] run() {
        String id = UUID.randomUUID().toString().replace("-", "");
        long now = System.currentTimeMillis();
        return ("{\"run\": {\"info\": {\"run_uuid\": \"" + id + "\", \"experiment_id\": \"0\", \"run_name\": \"bench\", "
                + "\"user_id\": \"\", \"status\": \"RUNNING\", \"start_time\": " + now + ", \"artifact_uri\": "
                + "\"mlflow-artifacts:/0/" + id + "/artifacts\", \"lifecycle_stage\": \"active\", \"run_id\": \"" + id
                + "\"}, \"data\": {}}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
