package io.jruns.magics.ui;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.magics.FakeHost;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.ui.UiInfo;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %ui and the links of %runs, %runs show and %compare, with a real jruns ui over a real embedded store in a temporary folder. */
class UiMagicsTest {
    static final String HOSTILE = "<script>alert(1)</script>\"quotes'";
    @TempDir
    static Path store;
    @TempDir
    Path home;
    static final MagicRegistry MAGICS = JrunsMagics.registry();
    static String runId;
    final FakeHost host = new FakeHost();
    UiServer server;

    @BeforeAll
    static void logRuns() throws Exception {
        Path artifact = Files.writeString(Files.createDirectories(store.resolve("files")).resolve("notes.txt"), "n");
        Jruns.setTrackingUri(store.resolve("store").toString());
        Jruns.setExperiment("ui " + HOSTILE);
        for (String name : new String[]{"plain", HOSTILE}) {
            try (ActiveRun r = Jruns.startRun(name)) {
                r.logParam("note", HOSTILE).logMetric("loss", name.length());
                r.logArtifact(artifact);
                runId = r.runId();
            }
        }
    }

    @AfterAll
    static void park() {
        Jruns.setTrackingUri(store.resolve("parked").toString());
    }

    @BeforeEach
    void freshSession() {
        KernelUi.useHome(home);
    }

    @AfterEach
    void stop() {
        KernelUi.stop();
        if (server != null) server.close();
    }

    Output run(String name, String line) throws Exception {
        host.shown.clear();
        MAGICS.run(host, MagicSpec.Kind.LINE, name, line, null);
        assertEquals(1, host.shown.size());
        return host.shown.get(0);
    }

    /** A UI started by someone else (jruns ui in a terminal) over the kernel's store, recorded in ui.json. */
    UiInfo externalUi() {
        server = UiServer.builder(Jruns.client()).build().start();
        server.info().write(home);
        return server.info();
    }

    @Test
    void withoutAUiViewsHaveNoLinksAndSayOnceHowToGetThem() throws Exception {
        Output first = run("runs", "");
        assertFalse(first.html().contains("href="), "no dead links");
        assertTrue(first.html().endsWith(ViewLinks.HINT + "</div>"), first.html());
        assertTrue(first.text().endsWith(ViewLinks.HINT + "\n"), first.text());
        Output second = run("compare", "");
        assertFalse(second.html().contains(ViewLinks.HINT) || second.text().contains(ViewLinks.HINT), "once a session");
        assertFalse(second.html().contains("href="));
    }

    @Test
    void aUiServingTheKernelsStoreIsLinkedFromEveryViewInANewTab() throws Exception {
        UiInfo ui = externalUi();
        Output table = run("runs", "");
        assertTrue(table.html().contains("<a target=\"_blank\" rel=\"noopener\" class=\"jr-runlink\" href=\"" + ui.url() + "runs/" + runId + "\">"),
                table.html());
        assertFalse(table.html().contains("<script>alert") || table.html().contains(ViewLinks.HINT));
        assertFalse(table.html().contains(ui.token()), "no token in a view: it would be saved with the notebook");
        Output page = run("runs", "show " + runId);
        assertTrue(page.html().contains("<a target=\"_blank\" rel=\"noopener\" class=\"jr-artlink\" href=\"" + ui.url() + "runs/" + runId
                + "/artifacts/notes.txt\""), "artifacts link to the UI: " + page.html());
        assertFalse(page.html().contains("<script>alert"));
        Output compare = run("compare", "");
        assertTrue(compare.html().contains("href=\"" + ui.url() + "runs/" + runId + "\""), "start times link to the run page");
        assertFalse(compare.html().contains("<script>alert"));
    }

    @Test
    void aUiOverAnotherStoreIsNotUsed() throws Exception {
        UiInfo ui = externalUi();
        new UiInfo(ui.url(), ui.token(), ui.pid(), store.resolve("elsewhere").toString()).write(home);
        assertFalse(run("runs", "").html().contains("href="));
        Output panel = run("ui", "");
        assertFalse(panel.html().contains(ui.url()), "a UI of its own store is started instead");
        assertTrue(UiInfo.read(home).orElseThrow().serves(Jruns.client().trackingUri()));
    }

    @Test
    void uiReusesARunningUiAndShowsThePanelOfTheNotebooksExperiment() throws Exception {
        UiInfo ui = externalUi();
        Output panel = run("ui", "");
        String src = iframeSrc(panel.html());
        assertTrue(src.startsWith(ui.url() + "panel/" + Jruns.getExperiment().experimentId() + "?code="), src);
        assertFalse(panel.html().contains(ui.token()) || panel.text().contains(ui.token()),
                "the output is saved with the notebook: no token in it, only codes that open once");
        assertTrue(panel.html().contains("height=\"600\"") && panel.html().contains("width=\"100%\""));
        assertTrue(panel.text().contains(ui.url() + "?code="), panel.text());
        assertFalse(panel.html().contains("<script>alert"), "the experiment's hostile name is text");
        assertTrue(panel.html().contains("process " + ui.pid()));
        Output link = run("ui", "--link");
        assertTrue(link.text().startsWith(ui.url() + "?code=") && !link.html().contains(ui.token()), link.text());
        assertEquals("This kernel started no runs UI (the one at " + ui.url() + " belongs to process " + ui.pid() + ").",
                run("ui", "--stop").text());
    }

    @Test
    void uiStartsOneInTheKernelWhoseFrameListsTheRunsAndStopStopsIt() throws Exception {
        Output panel = run("ui", "");
        UiInfo started = UiInfo.read(home).orElseThrow(() -> new AssertionError("ui.json not written"));
        assertTrue(started.serves(Jruns.client().trackingUri()));
        assertEquals(ProcessHandle.current().pid(), started.pid());
        String html = fetchWithCookie(iframeSrc(panel.html()));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains(">plain<"), html);
        assertTrue(run("runs", "").html().contains("href=\"" + started.url() + "runs/"), "views link to it now");

        assertEquals("Stopped the runs UI at " + started.url() + ".", run("ui", "--stop").text());
        assertFalse(Files.exists(home.resolve(UiInfo.FILE)));
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(started.url())).build(),
                HttpResponse.BodyHandlers.discarding()));
        assertFalse(run("runs", "").html().contains("href="));
    }

    static String iframeSrc(String html) {
        Matcher m = Pattern.compile("<iframe id=\"[^\"]+\" src=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1).replace("&amp;", "&");
    }

    /** What the frame shows: the first load swaps the token for a cookie and comes back without it. */
    static String fetchWithCookie(String src) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(src)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, first.statusCode());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        URI next = URI.create(src).resolve(first.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(next).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }
}
