package io.jruns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.ui.UiInfo;
import io.jruns.ui.browser.BrowserPage;
import io.jruns.ui.browser.Chromium;
import io.jruns.ui.browser.DevTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runs panel inside a real notebook page: Debian's {@code jupyter notebook} (6.x) on
 * 127.0.0.1 with a token, the jruns kernel from {@code jruns install --prefix}, headless
 * Chromium opening the notebook as {@code localhost} (what Jupyter prints first; the panel's
 * frame must follow that host name for its cookie), a real click on Run for a cell that logs
 * a run and one with {@code %ui}, then the frame's own document is read over DevTools.
 */
class NotebookUiIT {
    static final Path ROOT = NotebooksIT.ROOT;
    static final Path SHOT = ROOT.resolve("cli/target/screenshots/notebook-ui.png");
    static final String RUN = "panel run <b>bold?</b>";
    @TempDir
    static Path tmp;
    static Path home;
    static Process jupyter;
    static int port;
    static final String TOKEN = UUID.randomUUID().toString().replace("-", "");
    static Chromium browser;
    static DevTools devTools;

    @BeforeAll
    static void startJupyterWithTheKernel() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Cli c = new Cli(tmp.resolve("unused")).libDir(ROOT.resolve("cli/target/lib"));
        for (String v : Processes.PASSED_ON) if (System.getenv(v) != null) c.env(v, System.getenv(v));
        Cli.Result installed = c.run("install", "--prefix", prefix.toString(), "--no-cds");
        assertEquals(0, installed.code(), installed.toString());
        home = tmp.resolve("home");
        Path dir = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(dir.resolve("ui.ipynb"), notebook(
                "try (ActiveRun r = Jruns.startRun(\"" + RUN.replace("\"", "\\\"") + "\")) {\n    r.logParam(\"lr\", 0.1);\n    r.logMetric(\"loss\", 0.25);\n}",
                "%ui",
                "try (ActiveRun r = Jruns.startRun(\"second run\")) {\n    r.logMetric(\"loss\", 0.125);\n}"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + TOKEN,
                "--notebook-dir=" + dir).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("jupyter.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.endsWith("TRACKING_URI") || k.startsWith("JRUNS_") || k.equals("JPY_SESSION_NAME"));
        env.put("JRUNS_HOME", home.toString());
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("jupyter-config").toString()); // nothing of the user's Jupyter set-up
        env.put("JUPYTER_DATA_DIR", tmp.resolve("jupyter-data").toString());
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("jupyter-runtime").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.put("JRUNS_SPARE", "off"); // its kernel leaves no spare kernel behind
        jupyter = pb.start();
        waitUntilUp();
        browser = new Chromium(tmp.resolve("chromium-profile"));
        devTools = new DevTools(browser.webSocketUrl);
    }

    static String notebook(String... cells) {
        StringBuilder b = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": "
                + "{\"name\": \"jruns\", \"display_name\": \"Java (jruns)\", \"language\": \"java\"}}, \"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"cell_type\": \"code\", \"id\": \"c").append(i)
                    .append("\", \"metadata\": {}, \"execution_count\": null, \"outputs\": [], \"source\": ")
                    .append(io.jruns.internal.json.Json.MAPPER.valueToTree(cells[i]).toString()).append('}');
        }
        return b.append("]}").toString();
    }

    static void waitUntilUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            if (!jupyter.isAlive()) throw new AssertionError("jupyter notebook exited:\n" + log());
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status?token=" + TOKEN)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("jupyter notebook did not come up in 60 s:\n" + log());
    }

    static String log() throws Exception {
        return Files.readString(tmp.resolve("jupyter.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (devTools != null) devTools.close();
        if (browser != null) browser.close();
        if (jupyter != null) {
            jupyter.destroy(); // SIGTERM: the server shuts its kernels down, and the UI in the kernel with them
            if (!jupyter.waitFor(30, TimeUnit.SECONDS)) jupyter.destroyForcibly().waitFor();
        }
    }

    @Test
    void uiShowsTheRunsPanelInsideTheNotebookPage() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 1000);
        int mark = devTools.events.size();
        page.open("http://localhost:" + port + "/notebooks/ui.ipynb?token=" + TOKEN);
        String session = devTools.events.subList(mark, devTools.events.size()).stream()
                .filter(e -> e.method().equals("Page.loadEventFired")).findFirst().orElseThrow().sessionId();
        page.waitFor("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()", 120_000);

        // as a person does: click into the first cell, then the toolbar's Run button, twice
        page.click(".cell.code_cell .CodeMirror");
        String run = "button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']";
        page.click(run);
        page.waitFor("Jupyter.notebook.get_cell(0).input_prompt_number > 0 && !Jupyter.notebook.kernel_busy", 120_000);
        assertEquals("", page.eval("Jupyter.notebook.get_cell(0).output_area.element.text()").asText(), "the run cell prints nothing");
        page.click(run);
        page.waitFor("document.querySelector('.output_area iframe[id^=\"jruns-ui-\"]')", 120_000);

        UiInfo ui = UiInfo.read(home).orElseThrow(() -> new AssertionError("%ui recorded no UI in " + home));
        assertNotEquals(ProcessHandle.current().pid(), ui.pid());
        assertEquals(home.toAbsolutePath().normalize().toString(), ui.store(), "the kernel's store");
        String src = page.eval("document.querySelector('.output_area iframe[id^=\"jruns-ui-\"]').src").asText();
        assertTrue(src.startsWith("http://localhost:" + URI.create(ui.url()).getPort() + "/panel/"),
                "the frame follows the notebook's host name (a cookie goes to the same site only): " + src);

        String frameDoc = waitForFrameText(session, "/panel/", RUN, 60_000);
        assertTrue(frameDoc.contains("Experiment Runs") && frameDoc.contains("Finished"), frameDoc);
        String runHref = evalInFrame(session, "/panel/", "document.querySelector('a.jr-runlink').href").asText();
        assertTrue(runHref.matches("http://localhost:\\d+/runs/[0-9a-f]{32}"), runHref);

        // a real click on the run's start time inside the frame opens its page in a new tab; the notebook stays
        devTools.send(null, "Target.setDiscoverTargets", Map.of("discover", true));
        JsonNode frameBox = page.eval("(() => { const r = document.querySelector('.output_area iframe[id^=\"jruns-ui-\"]')"
                + ".getBoundingClientRect(); return {x: r.left, y: r.top}; })()");
        JsonNode linkBox = evalInFrame(session, "/panel/", "(() => { const r = document.querySelector('a.jr-runlink')"
                + ".getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        int before = devTools.events.size();
        for (String type : List.of("mousePressed", "mouseReleased")) {
            devTools.send(session, "Input.dispatchMouseEvent", Map.of("type", type, "button", "left", "clickCount", 1,
                    "x", frameBox.get("x").asDouble() + 1 + linkBox.get("x").asDouble(),
                    "y", frameBox.get("y").asDouble() + 1 + linkBox.get("y").asDouble()));
        }
        assertTrue(awaitNewTab(before, runHref, 15_000), "clicking the start time opened no tab at " + runHref);
        assertTrue(page.eval("location.pathname").asText().endsWith("/notebooks/ui.ipynb"), "the notebook stayed");
        devTools.send(session, "Page.bringToFront", Map.of()); // a background tab draws no frames: no screenshot
        assertTrue(evalInFrame(session, "/panel/", "location.pathname").asText().startsWith("/panel/"), "the frame stayed");
        assertEquals(0, evalInFrame(session, "/panel/", "document.querySelectorAll('b').length").asInt(), "the run's name is text");

        // a run logged after %ui shows up in the panel by itself: the table is swapped in, the frame not reloaded
        evalInFrame(session, "/panel/", "document.documentElement.dataset.testMark = 'kept'");
        page.click(".cell.code_cell:nth-of-type(3) .CodeMirror");
        page.click(run);
        String fresh = waitForFrameText(session, "/panel/", "second run", 30_000);
        assertTrue(fresh.contains("Showing runs 1\u20132 of 2."), fresh);
        assertEquals("kept", evalInFrame(session, "/panel/", "document.documentElement.dataset.testMark").asText());

        page.eval("document.querySelector('.output_area iframe[id^=\"jruns-ui-\"]').scrollIntoView({block: 'end'})");
        Thread.sleep(500);
        page.screenshot(SHOT);
        assertEquals(List.of(), page.problems().stream().filter(p -> p.contains("jruns") || p.contains("/panel/")).toList(),
                "the panel logged errors");
    }

    static boolean awaitNewTab(int from, String url, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            for (int i = from; i < devTools.events.size(); i++) {
                DevTools.Event e = devTools.events.get(i);
                if ((e.method().equals("Target.targetCreated") || e.method().equals("Target.targetInfoChanged"))
                        && e.params().path("targetInfo").path("type").asText().equals("page")
                        && e.params().path("targetInfo").path("url").asText().equals(url)) return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The frame whose URL contains {@code urlPart}, waited for until its text contains {@code text}. */
    static String waitForFrameText(String session, String urlPart, String text, long timeoutMillis) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        String last = "";
        while (System.currentTimeMillis() < end) {
            try {
                last = evalInFrame(session, urlPart, "document.body ? document.body.innerText : ''").asText();
                if (last.contains(text)) return last;
            } catch (AssertionError notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the frame never showed '" + text + "'; it showed: " + last);
    }

    /** Evaluates in the child frame's DOM (an isolated world: its own globals, the frame's document). */
    static JsonNode evalInFrame(String session, String urlPart, String expression) throws Exception {
        JsonNode tree = devTools.send(session, "Page.getFrameTree", Map.of()).path("frameTree");
        String frameId = null;
        for (JsonNode child : tree.path("childFrames")) {
            if (child.path("frame").path("url").asText().contains(urlPart)) frameId = child.path("frame").path("id").asText();
        }
        if (frameId == null) throw new AssertionError("no frame at " + urlPart + " in " + tree);
        int context = devTools.send(session, "Page.createIsolatedWorld", Map.of("frameId", frameId, "worldName", "jruns-test"))
                .path("executionContextId").asInt();
        JsonNode r = devTools.send(session, "Runtime.evaluate", Map.of("expression", expression, "contextId", context, "returnByValue", true));
        if (r.has("exceptionDetails")) throw new AssertionError("evaluating " + expression + " in the frame: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }
}
