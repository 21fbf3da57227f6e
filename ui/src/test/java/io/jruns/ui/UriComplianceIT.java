package io.jruns.ui;

import io.jruns.TrackingClient;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Jetty lets through to the UI, over a raw socket (java.net.URI would normalise the path):
 * '%' in artifact names (sent as %25) reaches the pages and the artifact proxy, every other
 * ambiguous path stays refused with a line saying why, and no encoding reaches outside the run.
 */
class UriComplianceIT {
    static final String TOKEN = "fixed-token-for-the-uri-test";
    static final String SECRET = "SECRET-OUTSIDE-THE-RUN";
    @TempDir
    static Path home;
    static TrackingClient client;
    static UiServer server;
    static String exp;
    static String run;
    static Path runFolder;

    @BeforeAll
    static void start() throws Exception {
        client = TrackingClient.open(home.resolve("store").toString());
        exp = client.createExperiment("uri");
        run = client.createRun(exp, "r", Map.of(), null).runId();
        Path in = Files.createDirectories(home.resolve("in"));
        client.logArtifact(run, Files.writeString(in.resolve("a%b.txt"), "percent inside"), "");
        client.logArtifact(run, Files.writeString(in.resolve("%2e%2e"), "a file named %2e%2e"), "");
        runFolder = Path.of(URI.create(client.getRun(run).info().artifactUri()));
        Files.writeString(runFolder.getParent().resolve("secret.txt"), SECRET);
        Files.writeString(home.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(runFolder.resolve("link.txt"), home.resolve("secret.txt"));
        server = UiServer.builder(client).token(TOKEN).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        client.close();
    }

    @Test
    void anArtifactNameWithPercentIsPreviewedDownloadedUploadedAndReadBack() throws Exception {
        String listing = body(send("GET", "/runs/" + run + "/artifacts", null), 200);
        assertTrue(listing.contains("href=\"/runs/" + run + "/artifacts/a%25b.txt\""), listing);
        assertTrue(body(send("GET", "/runs/" + run + "/artifacts/a%25b.txt", null), 200).contains("percent inside"));
        assertEquals("percent inside", body(send("GET", "/runs/" + run + "/artifact-raw/a%25b.txt?download=1", null), 200));
        String proxy = "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + run + "/artifacts/";
        assertEquals("percent inside", body(send("GET", proxy + "a%25b.txt", null), 200));
        body(send("PUT", proxy + "pct%25.txt", "put 100%"), 200);
        assertEquals("put 100%", Files.readString(runFolder.resolve("pct%.txt")));
        assertEquals("put 100%", body(send("GET", proxy + "pct%25.txt", null), 200));
        // decoded once only: %252e%252e names the file called "%2e%2e", not the folder above
        assertEquals("a file named %2e%2e", body(send("GET", proxy + "%252e%252e", null), 200));
    }

    @Test
    void aTrailingSlashIsTheRunsArtifactList() throws Exception {
        String page = body(send("GET", "/runs/" + run + "/artifacts/", null), 200);
        assertTrue(page.contains("href=\"/runs/" + run + "/artifacts/a%25b.txt\""), page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "%2e%2e/secret.txt", "..%2Fsecret.txt", "%252e%252e/secret.txt", "..%252Fsecret.txt",
            "%252e%252e%252fsecret.txt", "sub/%252e%252e/%252e%252e/secret.txt", "..%5Csecret.txt", "..%255Csecret.txt",
            "ok%00.txt", "ok%2500.txt", "link.txt", "/%2e%2e/secret.txt", "%25%32%65%25%32%65/secret.txt"})
    void noEncodingLeavesTheRun(String path) throws Exception {
        for (String base : new String[]{"/runs/" + run + "/artifacts/", "/runs/" + run + "/artifact-raw/",
                "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + run + "/artifacts/"}) {
            String got = send("GET", base + path, null);
            assertFalse(got.startsWith("HTTP/1.1 200") || got.contains(SECRET), base + path + " -> " + got);
        }
        String put = send("PUT", "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + run + "/artifacts/" + path, "owned");
        if (put.startsWith("HTTP/1.1 200")) { // only a name that, decoded once, is literal text inside the run
            Path written = runFolder.resolve(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8));
            assertTrue(written.normalize().startsWith(runFolder) && Files.readString(written).equals("owned"), path + " -> " + written);
        }
        assertEquals(SECRET, Files.readString(home.resolve("secret.txt")));
        assertEquals(SECRET, Files.readString(runFolder.getParent().resolve("secret.txt")));
    }

    @Test
    void whatJettyStillRefusesSaysWhyInOneLineOrInMlflowsShape() throws Exception {
        String page = send("GET", "/runs/" + run + "/artifacts/%2e%2e/%3Cb%3Eecho", null);
        assertEquals("400 Bad Request: an encoded '.' or '..' path part (%2e) is refused\n", body(page, 400));
        assertTrue(page.contains("Content-Type: text/plain"), page);
        assertEquals("400 Bad Request: an encoded '/' (%2F) inside a path part is refused\n",
                body(send("GET", "/runs/" + run + "/artifacts/a%2Fb", null), 400));
        assertEquals("400 Bad Request: an empty path part ('//') is refused\n", body(send("GET", "/runs/" + run + "/artifacts//", null), 400));
        String api = send("GET", "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + run + "/artifacts/%2e%2e/x", null);
        assertEquals("{\"error_code\":\"BAD_REQUEST\",\"message\":\"an encoded '.' or '..' path part (%2e) is refused\"}", body(api, 400));
        assertTrue(api.contains("Content-Type: application/json"), api);
    }

    /** The body of a raw answer, after checking its status. */
    static String body(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    /** Sent as typed over a socket, with the token. */
    static String send(String method, String path, String body) throws Exception {
        URI u = URI.create(server.info().url());
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
