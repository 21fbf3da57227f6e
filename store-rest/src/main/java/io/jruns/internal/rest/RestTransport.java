package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.json.RestJson;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * HTTP for the REST store: MLflow's JSON calls under {@code /api/2.0/mlflow/} and the artifact
 * proxy under {@code /api/2.0/mlflow-artifacts/artifacts/}, with authentication, retries and
 * error mapping. Whether a failed request is tried again depends on {@link Repeat}.
 */
final class RestTransport {
    /** Whether a request may be sent again after a failure that may have reached the server. */
    enum Repeat {
        /** Repeating changes nothing (reads, updates, deletes, tags, log-batch under MLflow's dedupe). */
        SAFE,
        /** Repeating could do it twice (creates): only retried when it provably did not arrive (refused connection, 429). */
        UNSENT_ONLY
    }

    static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType BYTES = MediaType.get("application/octet-stream");
    private static final String API = "api/2.0/mlflow/";
    private static final String ARTIFACTS = "api/2.0/mlflow-artifacts/artifacts/";

    private final RestConfig config;
    private final HttpUrl base;
    private final OkHttpClient repeatable;
    private final OkHttpClient once;
    private final ServerIdentity server = new ServerIdentity();

    RestTransport(RestConfig config) {
        this.config = config;
        HttpUrl parsed = HttpUrl.parse(config.baseUrl() + "/");
        if (parsed == null) throw JrunsException.invalid("not an http(s) URL: " + config.displayName());
        this.base = parsed;
        this.repeatable = HttpClients.forConfig(config, true);
        this.once = HttpClients.forConfig(config, false);
    }

    RestConfig config() {
        return config;
    }

    /** Whether the server is jruns ui, as its last successful answer said. */
    ServerIdentity server() {
        return server;
    }

    JsonNode get(String endpoint, Map<String, ?> query) {
        HttpUrl.Builder u = base.newBuilder().addPathSegments(API + endpoint);
        query.forEach((k, v) -> addQuery(u, k, v));
        return json(request(u.build()).get().build(), Repeat.SAFE, config.retry(), "GET " + endpoint, true);
    }

    /** A plain-text answer from outside the API, e.g. the server's {@code version}; tried once. */
    String getText(String path) {
        Request r = request(base.newBuilder().addPathSegments(path).build()).get().build();
        return watched(r, Repeat.SAFE, RetryPolicy.ONCE, "GET " + path, true, resp -> body(resp).string());
    }

    JsonNode post(String endpoint, JsonNode body, Repeat repeat) {
        return postBytes(endpoint, RestJson.compact(body).getBytes(java.nio.charset.StandardCharsets.UTF_8), repeat,
                config.retry(), true);
    }

    /** {@code sayWhenSlow} false for the logging path: nobody waits on it (values wait in the spool). */
    JsonNode postBytes(String endpoint, byte[] body, Repeat repeat, RetryPolicy policy, boolean sayWhenSlow) {
        Request r = request(base.newBuilder().addPathSegments(API + endpoint).build())
                .post(RequestBody.create(body, JSON)).build();
        return json(r, repeat, policy, "POST " + endpoint, sayWhenSlow);
    }

    /** Uploads a file through the artifact proxy to {@code path} (exp/run/artifacts/...). */
    void putArtifact(String path, Path file) {
        Request r = request(artifactUrl(path)).put(RequestBody.create(file.toFile(), BYTES)).build();
        execute(r, Repeat.SAFE, config.retry(), "PUT artifact " + path, resp -> null);
    }

    /** Downloads an artifact from the proxy into {@code target} (replacing it, never half-written). */
    void getArtifact(String path, Path target) {
        Request r = request(artifactUrl(path)).get().build();
        execute(r, Repeat.SAFE, config.retry(), "GET artifact " + path, resp -> {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try (InputStream in = body(resp).byteStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
    }

    private HttpUrl artifactUrl(String path) {
        return base.newBuilder().addPathSegments(ARTIFACTS + path).build();
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder b = new Request.Builder().url(url).header("User-Agent", "jruns");
        String auth = config.credentials().header();
        if (auth != null) b.header("Authorization", auth);
        return b;
    }

    private JsonNode json(Request r, Repeat repeat, RetryPolicy policy, String call, boolean sayWhenSlow) {
        String text = watched(r, repeat, policy, call, sayWhenSlow, resp -> body(resp).string());
        try {
            JsonNode n = RestJson.parse(text);
            if (!n.isObject()) throw JrunsException.invalid("MLflow JSON: the answer is not an object");
            return n;
        } catch (JrunsException e) {
            throw RestErrors.malformed(e, call, config);
        }
    }

    @FunctionalInterface
    private interface Handler<T> {
        T handle(Response r) throws IOException;
    }

    /** As {@link #execute}, with one line on the warnings when it has waited long ({@link SlowCalls}). */
    private <T> T watched(Request r, Repeat repeat, RetryPolicy policy, String call, boolean sayWhenSlow, Handler<T> handler) {
        ScheduledFuture<?> note = sayWhenSlow ? SlowCalls.watch(config, call, repeat, policy) : null;
        try {
            return execute(r, repeat, policy, call, handler);
        } finally {
            if (note != null) note.cancel(false);
        }
    }

    private <T> T execute(Request r, Repeat repeat, RetryPolicy policy, String call, Handler<T> handler) {
        OkHttpClient client = repeat == Repeat.SAFE ? repeatable : once;
        for (int attempt = 1; ; attempt++) {
            long retryAfter = -1;
            RestException failure;
            try (Response resp = client.newCall(r).execute()) {
                if (resp.isSuccessful()) {
                    server.answered(resp);
                    return handler.handle(resp);
                }
                if (resp.isRedirect()) throw RestErrors.redirected(resp.code(), resp.header("Location"), r.url(), call, config);
                String text = resp.body() == null ? "" : resp.body().string();
                failure = RestErrors.fromAnswer(resp.code(), resp.header("Content-Type"), text, call, config);
                boolean retriable = (resp.code() == 429 || (resp.code() >= 500 && resp.code() != 501))
                        && failure.kind() != RestException.Kind.REFUSED;
                if (!retriable || (repeat != Repeat.SAFE && resp.code() != 429)) throw failure;
                retryAfter = retryAfterMillis(resp.header("Retry-After"));
            } catch (IOException e) {
                failure = RestErrors.fromIo(e, call, config);
                if (repeat != Repeat.SAFE && !RestErrors.notSent(e)) throw RestErrors.mayHaveArrived(failure, call);
            }
            if (attempt >= policy.attempts()) throw failure;
            sleep(retryAfter >= 0 ? Math.min(retryAfter, policy.cap().toMillis() * 4) : policy.delayMillis(attempt + 1));
        }
    }

    private static ResponseBody body(Response r) throws IOException {
        ResponseBody b = r.body();
        if (b == null) throw new IOException("empty answer");
        return b;
    }

    private static long retryAfterMillis(String header) {
        if (header == null) return -1;
        try {
            return Math.max(0, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: use our own backoff
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while waiting to retry a request");
        }
    }

    private static void addQuery(HttpUrl.Builder u, String k, Object v) {
        if (v == null) return;
        if (v instanceof Iterable<?> it) {
            for (Object o : it) u.addQueryParameter(k, String.valueOf(o));
        } else {
            u.addQueryParameter(k, String.valueOf(v));
        }
    }
}
