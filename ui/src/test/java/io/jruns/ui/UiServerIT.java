package io.jruns.ui;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real server on a free loopback port over a real embedded store: who gets in, and what every answer carries. */
class UiServerIT {
    static final String HOSTILE = "<script>alert(1)</script>";
    @TempDir
    static Path home;
    static TrackingClient client;
    static UiServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        client = TrackingClient.open(home.toString());
        client.createExperiment(HOSTILE);
        server = UiServer.builder(client).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.info().url() + pathAndQuery.substring(1)));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.info().url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookie() throws Exception {
        HttpResponse<String> r = get("/?token=" + server.info().token());
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void withoutTheTokenNothingButA401() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(401, r.statusCode());
        assertFalse(r.body().contains(server.info().token()));
        assertEquals(401, get("/?token=wrong-token-wrong-token").statusCode());
        assertEquals(401, get("/", "Authorization", "Bearer nope").statusCode());
        assertEquals(401, get("/", "Cookie", "jruns_ui_" + URI.create(server.info().url()).getPort() + "=nope").statusCode());
        assertEquals(401, get("/", "Cookie", "jruns_ui=" + server.info().token()).statusCode(), "another port's cookie name");
        assertEquals(401, get("/static/ui.js").statusCode(), "even static files");
    }

    @Test
    void whatJettyAnswersItselfIsOnePlainLineWithThePagesHeaders() throws Exception {
        HttpResponse<String> ambiguous = get("/runs/x/artifacts/%2e%2e/%3Cb%3Eecho");
        HttpResponse<String> tooLong = get("/?q=" + "x".repeat(70_000));
        for (HttpResponse<String> r : List.of(ambiguous, tooLong)) {
            assertTrue(r.statusCode() == 400 || r.statusCode() == 414, r.statusCode() + " " + r.body());
            assertEquals(r.statusCode() == 400 ? "400 Bad Request: an encoded '.' or '..' path part (%2e) is refused\n"
                    : "414 URI Too Long: the address is too long (over 64 KB)\n", r.body(), "what was wrong, and nothing of the request");
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"), r.headers().toString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.headers().toString());
            assertFalse(r.headers().firstValue("Server").isPresent(), r.headers().toString());
        }
    }

    @Test
    void theTokenInTheUrlBecomesAStrictHttpOnlyCookieAndLeavesTheAddressBar() throws Exception {
        HttpResponse<String> r = get("/?token=" + server.info().token() + "&x=1");
        assertEquals(303, r.statusCode());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.startsWith("jruns_ui_" + URI.create(server.info().url()).getPort() + "="), "one cookie per UI: " + setCookie);
        assertEquals("/?x=1", r.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = get("/", "Cookie", cookie());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "a hostile name is text");
        assertFalse(page.body().contains(HOSTILE));
    }

    /** A link a notebook saves holds a code good once, for ten minutes, never the token. */
    @Test
    void aSavedLinksCodeSignsInOnceThenOnlyWithTheCookie() throws Exception {
        String link = server.info().codeLink("panel/0");
        String pathAndQuery = "/" + link.substring(server.info().url().length());
        HttpResponse<String> first = get(pathAndQuery);
        assertEquals(303, first.statusCode(), first.body());
        assertEquals("/panel/0", first.headers().firstValue("Location").orElseThrow(), "the code leaves the address bar");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(200, get("/panel/0", "Cookie", cookie).statusCode());

        HttpResponse<String> again = get(pathAndQuery);
        assertEquals(401, again.statusCode(), "a code opens once");
        assertTrue(again.body().contains("this link has expired or was used"), again.body());
        assertEquals(303, get(pathAndQuery, "Cookie", cookie).statusCode(), "a browser that signed in goes on (a notebook reopened)");

        String token = server.info().token();
        String stale = io.jruns.internal.ui.http.LoginCode.mint(token, System.currentTimeMillis() - io.jruns.internal.ui.http.LoginCode.TTL_MILLIS - 1);
        assertEquals(401, get("/?code=" + stale).statusCode(), "an expired code");
        String other = io.jruns.internal.ui.http.LoginCode.mint("another-token", System.currentTimeMillis());
        assertEquals(401, get("/?code=" + other).statusCode(), "a code of another UI");
        String fresh = io.jruns.internal.ui.http.LoginCode.mint(token, System.currentTimeMillis());
        assertEquals(401, get("/?code=" + fresh.substring(0, fresh.length() - 2) + "AA").statusCode(), "a forged code");
        assertEquals(401, get("/?code=x").statusCode());
    }

    @Test
    void bearerIsWhatMlflowClientsSend() throws Exception {
        assertEquals(200, get("/", "Authorization", "Bearer " + server.info().token()).statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : new HttpResponse[]{get("/", "Cookie", cookie()), get("/"), get("/nope", "Cookie", cookie())}) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
            assertTrue(csp.contains("frame-ancestors 'none'"), "a page with forms is never framed (clickjacking): " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
        }
        HttpResponse<String> panel = get("/panel/0", "Cookie", cookie());
        assertTrue(panel.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'self' http://127.0.0.1:*"),
                "the %ui panel, which has no forms, may be framed by Jupyter");
        assertTrue(panel.headers().firstValue("X-Frame-Options").isEmpty());
        assertEquals(200, get("/", "Authorization", "bearer " + server.info().token()).statusCode(), "the scheme ignores case");
    }

    @Test
    void aChangeNeedsThePagesCsrfTokenAndNoForeignOrigin() throws Exception {
        String c = cookie();
        assertEquals(403, post("/", "a=1", "Cookie", c).statusCode(), "no CSRF token");
        assertEquals(403, post("/", "csrf=forged", "Cookie", c).statusCode());
        String page = get("/", "Cookie", c).body();
        String csrf = page.replaceFirst("(?s).*name=\"jruns-csrf\" content=\"([^\"]+)\".*", "$1");
        assertEquals(403, post("/", "csrf=" + csrf, "Cookie", c, "Origin", "http://evil.example").statusCode());
        assertEquals(405, post("/", "csrf=" + csrf, "Cookie", c).statusCode(), "past the guard: / takes no POST");
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        int port = URI.create(server.info().url()).getPort();
        String answer = raw(port, "GET /?token=" + server.info().token() + " HTTP/1.1\r\nHost: evil.example:" + port
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
        assertTrue(raw(port, "GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                + server.info().token() + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"));
    }

    @Test
    void aTakenPortIsAOneLineError() {
        int port = URI.create(server.info().url()).getPort();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UiServer.builder(client).port(port).build().start());
        assertEquals("jruns ui: cannot listen on 127.0.0.1:" + port + " (in use? --port 0 picks a free port)", e.getMessage());
    }

    @Test
    void uiJsonSaysWhereTheUiIsWhileItsProcessLives(@TempDir Path dir) {
        server.info().write(dir);
        assertEquals(server.info(), UiInfo.read(dir).orElseThrow());
        new UiInfo("http://127.0.0.1:1/", "t", Long.MAX_VALUE).write(dir);
        assertTrue(UiInfo.read(dir).isEmpty(), "a dead pid is no UI");
    }

    @Test
    void anApiErrorIsMlflowsJsonShape() throws Exception {
        HttpResponse<String> r = get("/api/2.0/mlflow/nope", "Authorization", "Bearer " + server.info().token());
        assertEquals(404, r.statusCode());
        assertTrue(r.body().startsWith("{\"error_code\":\"ENDPOINT_NOT_FOUND\""), r.body());
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST.name(), "RESOURCE_DOES_NOT_EXIST");
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
