package io.jruns.internal.ui.api;

import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may use the API, and that no artifact path reaches outside its run's folder. */
class MlflowApiSecurityIT {
    static final String TOKEN = "fixed-token-for-the-security-test";
    static final String SECRET = "the-secret-outside-the-run";
    @TempDir
    static Path home;
    static TrackingClient client;
    static UiServer server;
    static ApiHttp http;
    static String exp;
    static String runId;
    static Path runFolder;

    @BeforeAll
    static void start() throws Exception {
        client = TrackingClient.open(home.resolve("store").toString());
        exp = client.createExperiment("guarded");
        runId = client.createRun(exp, "r", Map.of(), null).runId();
        client.store().logBatch(new LogBatch(runId, List.of(), List.of(new Param("password_hint", "param-value-" + SECRET)), List.of()));
        Path f = Files.writeString(Files.createDirectories(home.resolve("in")).resolve("ok.txt"), "fine");
        client.logArtifact(runId, f, "");
        runFolder = Path.of(URI.create(client.getRun(runId).info().artifactUri()));
        // secrets next to the run's folder, above it, and a link inside the run leading out
        Files.writeString(runFolder.getParent().resolve("secret.txt"), SECRET);
        Files.writeString(home.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(runFolder.resolve("link.txt"), home.resolve("secret.txt"));
        server = UiServer.builder(client).token(TOKEN).build().start();
        http = new ApiHttp(server.info().url(), TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
        client.close();
    }

    @Test
    void withoutTheTokenA401AndNoData() throws Exception {
        for (String path : List.of("/api/2.0/mlflow/runs/get?run_id=" + runId, "/ajax-api/2.0/mlflow/runs/get?run_id=" + runId,
                "/get-artifact?run_id=" + runId + "&path=ok.txt",
                "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId + "/artifacts/ok.txt")) {
            for (String auth : new String[]{null, "Bearer wrong-token-wrong-token", "Basic " + TOKEN}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path));
                if (auth != null) b.header("Authorization", auth);
                HttpResponse<String> r = http.send(b.build());
                assertEquals(401, r.statusCode(), path + " with " + auth);
                assertFalse(r.body().contains(SECRET) || r.body().contains("fine") || r.body().contains(runId), r.body());
            }
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(http.uri("/api/2.0/mlflow/runs/log-parameter"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"run_id\":\"" + runId + "\",\"key\":\"x\",\"value\":\"1\"}")).build());
        assertEquals(401, post.statusCode());
        assertFalse(client.getRun(runId).data().params().containsKey("x"));
    }

    @Test
    void aCookieAloneCannotPostAndAPostMustBeJson() throws Exception {
        String cookie = http.send(HttpRequest.newBuilder(http.uri("/?token=" + TOKEN)).build()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String body = "{\"run_id\":\"" + runId + "\",\"key\":\"x\",\"value\":\"1\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(http.uri("/api/2.0/mlflow/runs/set-tag")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(403, r.statusCode(), "a cross-site page's post carries the cookie, never the page's CSRF token");
        r = http.send(HttpRequest.newBuilder(http.uri("/api/2.0/mlflow/runs/set-tag")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Content-Type must be one of ['application/json']"), r.body());
        assertFalse(client.getRun(runId).data().tags().containsKey("x"));
        // the UI's own pages call the API with the cookie and the page's CSRF token
        String page = http.send(HttpRequest.newBuilder(http.uri("/")).header("Cookie", cookie).build()).body();
        String csrf = page.replaceFirst("(?s).*name=\"jruns-csrf\" content=\"([^\"]+)\".*", "$1");
        r = http.send(HttpRequest.newBuilder(http.uri("/ajax-api/2.0/mlflow/runs/set-tag")).header("Cookie", cookie)
                .header("X-Jruns-Csrf", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1", client.getRun(runId).data().tags().get("x"));
    }

    @Test
    void aCookieAloneCannotReadTheApiEitherButThePagesStillWork() throws Exception {
        String cookie = http.send(HttpRequest.newBuilder(http.uri("/?token=" + TOKEN)).build()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = http.send(HttpRequest.newBuilder(http.uri("/")).header("Cookie", cookie).build()).body();
        String csrf = page.replaceFirst("(?s).*name=\"jruns-csrf\" content=\"([^\"]+)\".*", "$1");
        for (String path : List.of("/api/2.0/mlflow/runs/get?run_id=" + runId, "/ajax-api/2.0/mlflow/runs/get?run_id=" + runId,
                "/get-artifact?run_id=" + runId + "&path=ok.txt", "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId + "/artifacts/ok.txt")) {
            HttpResponse<String> alone = http.send(HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie).build());
            assertEquals(403, alone.statusCode(), path);
            assertTrue(alone.body().contains("X-Jruns-Csrf") && !alone.body().contains("fine") && !alone.body().contains(SECRET), alone.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie).header("X-Jruns-Csrf", csrf).build())
                    .statusCode(), path + " with the page's header");
            assertEquals(200, http.get(path).statusCode(), path + " with the Bearer token");
        }
        for (String path : List.of("/", "/runs/" + runId, "/runs/" + runId + "/artifacts/ok.txt", "/runs/" + runId + "/artifact-raw/ok.txt",
                "/compare?runs=" + runId, "/experiments/" + exp, "/panel/" + exp, "/static/ui.js")) {
            assertEquals(200, http.send(HttpRequest.newBuilder(http.uri(path)).header("Cookie", cookie).build()).statusCode(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2E%2E%2F%2E%2E%2Fsecret.txt",
            "/etc/passwd", "%2Fetc%2Fpasswd", "..%5Csecret.txt", "./../secret.txt", "sub/../../secret.txt", "link.txt",
            "C:%5Csecret.txt", "ok.txt%00.png"})
    void getArtifactNeverLeavesTheRun(String path) throws Exception {
        HttpResponse<String> r = http.get("/get-artifact?run_id=" + runId + "&path=" + path);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " → " + r.statusCode() + " " + r.body());
        assertFalse(r.body().contains(SECRET), r.body());
        HttpResponse<String> list = http.get("/api/2.0/mlflow/artifacts/list?run_id=" + runId + "&path=" + path);
        assertFalse(list.body().contains(SECRET), list.body());
        assertFalse(list.statusCode() == 200 && list.body().contains("secret"), list.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2e%2e%2f%2e%2e%2fsecret.txt",
            "sub/%2e%2e/%2e%2e/secret.txt", "link.txt"})
    void theProxyNeverLeavesTheRun(String path) throws Exception {
        String base = "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId + "/artifacts/";
        String raw = raw("GET " + base + path + " HTTP/1.1\r\nHost: " + host() + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 400") || raw.startsWith("HTTP/1.1 404"), path + " → " + raw);
        assertFalse(raw.contains(SECRET), raw);
        String put = raw("PUT " + base + path + " HTTP/1.1\r\nHost: " + host() + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nowned");
        assertTrue(put.startsWith("HTTP/1.1 400") || put.startsWith("HTTP/1.1 404"), path + " → " + put);
        assertEquals(SECRET, Files.readString(home.resolve("secret.txt")));
        assertEquals(SECRET, Files.readString(runFolder.getParent().resolve("secret.txt")));
    }

    @Test
    void anArtifactIsServedAsDataNeverAsAPage() throws Exception {
        Path f = Files.writeString(home.resolve("in").resolve("page.html"), "<script>alert(1)</script>");
        client.logArtifact(runId, f, "");
        HttpResponse<String> r = http.get("/get-artifact?run_id=" + runId + "&path=page.html");
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));

        Path odd = Files.writeString(home.resolve("in").resolve("r\u00e9sum\u00e9 \"x\";y.txt"), "text");
        client.logArtifact(runId, odd, "");
        HttpResponse<String> named = http.get("/get-artifact?run_id=" + runId + "&path="
                + java.net.URLEncoder.encode("r\u00e9sum\u00e9 \"x\";y.txt", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, named.statusCode());
        assertEquals("attachment; filename=\"r_sum_ _x__y.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22%3By.txt",
                named.headers().firstValue("Content-Disposition").orElseThrow(), "no raw non-ASCII, quote or ';' in the header");
    }

    @Test
    void aLongOrderIsAClearRefusalNotAnInternalError() throws Exception {
        String keys = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "\"params.p" + i + " ASC\"")
                .collect(java.util.stream.Collectors.joining(","));
        HttpResponse<String> r = http.post("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"0\"],\"order_by\":[" + keys + "]}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("order too long: at most 16 keys, got 150") && !r.body().contains(home.toString()), r.body());
    }

    @Test
    void aProxyPathMustNameTheRunsOwnExperiment() throws Exception {
        String other = client.createExperiment("other");
        HttpResponse<String> r = http.get("/api/2.0/mlflow-artifacts/artifacts/" + other + "/" + runId + "/artifacts/ok.txt");
        assertEquals(404, r.statusCode());
        assertEquals(200, http.get("/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId + "/artifacts/ok.txt").statusCode());
    }

    private static String host() {
        URI u = URI.create(server.info().url());
        return u.getHost() + ":" + u.getPort();
    }

    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", URI.create(server.info().url()).getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
