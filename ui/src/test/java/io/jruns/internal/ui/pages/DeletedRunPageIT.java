package io.jruns.internal.ui.pages;

import io.jruns.TrackingClient;
import io.jruns.domain.LifecycleStage;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deleted run's page over HTTP: a Restore button, no edit forms, and a refused edit that loses nothing typed. */
class DeletedRunPageIT {
    @TempDir
    static Path home;
    static TrackingClient client;
    static UiServer server;
    static String cookie;
    static String csrf;
    static String exp;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        client = TrackingClient.open(home.resolve("store").toString());
        exp = client.createExperiment("deleted runs");
        server = UiServer.builder(client).build().start();
        cookie = get("/?token=" + server.info().token()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher m = Pattern.compile("name=\"jruns-csrf\" content=\"([^\"]+)\"").matcher(get("/").body());
        assertTrue(m.find());
        csrf = m.group(1);
    }

    @AfterAll
    static void stop() {
        server.close();
        client.close();
    }

    @Test
    void aDeletedRunShowsRestoreAndNoEditForms() throws Exception {
        String id = client.createRun(exp, "gone", Map.of(), null).runId();
        client.deleteRuns(id);
        String page = get("/runs/" + id).body();
        assertTrue(page.contains("id=\"restore-form\" action=\"/runs/" + id + "/restore\""), page);
        for (String form : new String[]{"rename-form", "note-form", "tag-add"}) assertFalse(page.contains("id=\"" + form + "\""), form);

        HttpResponse<String> restored = post("/runs/" + id + "/restore");
        assertEquals(303, restored.statusCode(), restored.body());
        assertEquals("/runs/" + id, restored.headers().firstValue("Location").orElseThrow());
        assertEquals(LifecycleStage.ACTIVE, client.getRun(id).info().lifecycleStage());
        String live = get("/runs/" + id).body();
        assertTrue(live.contains("id=\"note-form\"") && !live.contains("id=\"restore-form\""), live);
    }

    @Test
    void anEditRefusedAsTheRunWasDeletedMeanwhileComesBackWithWhatWasTyped() throws Exception {
        String id = client.createRun(exp, "deleted in another tab", Map.of(), null).runId();
        String seen = get("/runs/" + id).body().replaceFirst("(?s).*id=\"note-form\".*?name=\"seen\" value=\"([^\"]*)\".*", "$1");
        client.deleteRuns(id);
        HttpResponse<String> r = post("/runs/" + id + "/note", "seen", seen, "note", "a long note <typed> by hand");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("<p class=\"jr-formerror\" role=\"alert\">this run was deleted"), r.body());
        assertTrue(r.body().contains("a long note &lt;typed&gt; by hand</textarea>"), "the note as typed: " + r.body());
        assertTrue(r.body().contains("id=\"restore-form\""), "and the way to restore it");
        assertFalse(client.getRun(id).note().isPresent());
        HttpResponse<String> tag = post("/runs/" + id + "/tags", "add", "1", "key", "team", "value", "vision");
        assertEquals(400, tag.statusCode());
        assertTrue(tag.body().contains("value=\"team\"") && tag.body().contains("value=\"vision\""), tag.body());
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.info().url() + path.substring(1)));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.info().url() + path.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
