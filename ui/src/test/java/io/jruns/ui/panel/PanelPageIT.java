package io.jruns.ui.panel;

import io.jruns.TrackingClient;
import io.jruns.domain.RunStatus;
import io.jruns.ui.UiInfo;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook's runs panel on a real server over a real embedded store: hostile names as text, links to new tabs, a stamp that moves. */
class PanelPageIT {
    static final String HOSTILE = "<script>alert(1)</script>\"quotes'";
    @TempDir
    static Path home;
    static TrackingClient client;
    static UiServer server;
    static String experimentId;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        client = TrackingClient.open(home.toString());
        experimentId = client.createExperiment(HOSTILE);
        String run = client.createRun(experimentId, HOSTILE, java.util.Map.of(), "u").runId();
        client.logMetric(run, "loss", 0.5, 0);
        client.setTerminated(run, RunStatus.FINISHED);
        server = UiServer.builder(client).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        client.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.info().url() + path.substring(1)))
                .header("Authorization", "Bearer " + server.info().token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePanelListsTheRunsWithHostileNamesAsTextAndOpensLinksInANewTab() throws Exception {
        HttpResponse<String> r = get("/panel/" + experimentId);
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        assertFalse(html.contains("<script>alert"), "hostile names are text");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;quotes&#39;") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;quotes&#x27;"), html);
        assertTrue(html.contains("<base target=\"_blank\">"), "links leave the frame");
        assertTrue(html.contains("href=\"/runs/"), "start times open the run page");
        assertTrue(html.contains("<script src=\"/panel/static/panel.js\" defer></script>"));
        assertEquals(0, html.split("<script").length - 2, "only our one script tag");
    }

    @Test
    void theStampMovesWhenARunIsLoggedAndTheTablePartIsJustTheTable() throws Exception {
        String before = get("/panel/" + experimentId + "/stamp").body();
        assertEquals(before, get("/panel/" + experimentId + "/stamp").body(), "nothing changed, same stamp");
        String added = client.createRun(experimentId, "added", java.util.Map.of(), "u").runId();
        client.logMetric(added, "loss", 0.25, 0);
        client.flush();
        String after = get("/panel/" + experimentId + "/stamp").body();
        assertNotEquals(before, after);
        String part = get("/panel/" + experimentId + "?part=table").body();
        assertTrue(part.startsWith("<div class=\"jr jr-runs\">") && part.contains(">added<"), part);
        assertFalse(part.contains("<html"));
    }

    @Test
    void aSweepOlderThanTheNewestFiftyShowsItsParentAboveItsChildrenAndItsChangesMoveTheStamp() throws Exception {
        String exp = client.createExperiment("sweep");
        String parent = client.createRun(exp, "the sweep", java.util.Map.of(), "u").runId();
        for (int i = 0; i < 60; i++) {
            nextMillisecond();
            client.createRun(exp, "c" + i, java.util.Map.of("mlflow.parentRunId", parent), "u").runId();
        }
        for (int i = 0; i < 3; i++) {
            nextMillisecond();
            client.createRun(exp, "solo" + i, java.util.Map.of(), "u");
        }
        client.flush();
        String html = get("/panel/" + exp).body();
        int ctx = html.indexOf("jr-ctx\" title=\"not one of this page");
        assertTrue(ctx > html.indexOf(">solo0<") && ctx < html.indexOf(">the sweep<") && html.indexOf(">the sweep<") < html.indexOf(">c59<"),
                "the parent, not among the newest 50, sits above its children: " + html);
        assertTrue(html.contains("(47 on this page)"), html);
        assertEquals(47, html.split("<tr class=\"jr-child\">", -1).length - 1, "no child stands alone");
        assertTrue(html.contains("Showing runs 1\u201350 of more than 50"), "the parent is not counted among the 50: " + html);
        String before = get("/panel/" + exp + "/stamp").body();
        client.setTag(parent, "phase", "done");
        client.flush();
        assertNotEquals(before, get("/panel/" + exp + "/stamp").body(), "the parent shown changed: the panel refreshes");
    }

    static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) Thread.onSpinWait(); // distinct start times, newest first
    }

    @Test
    void theScriptIsServedAndAnUnknownExperimentIs404() throws Exception {
        HttpResponse<String> js = get("/panel/static/panel.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, get("/panel/999999").statusCode());
    }

    @Test
    void uiJsonRecordsTheStoreAndReadsOldFilesWithoutOne(@TempDir Path dir) throws Exception {
        server.info().write(dir);
        UiInfo read = UiInfo.read(dir).orElseThrow();
        assertTrue(read.serves(client.trackingUri()), read.toString());
        assertFalse(read.serves(client.trackingUri() + "-other"));
        Files.writeString(dir.resolve(UiInfo.FILE), "{\"url\":\"" + read.url() + "\",\"token\":\"t\",\"pid\":" + ProcessHandle.current().pid() + "}");
        UiInfo old = UiInfo.read(dir).orElseThrow();
        assertEquals("", old.store());
        assertFalse(old.serves(client.trackingUri()), "an unrecorded store is not ours for sure");
    }
}
