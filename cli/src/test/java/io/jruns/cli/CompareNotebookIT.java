package io.jruns.cli;

import io.jruns.ui.browser.BrowserPage;
import io.jruns.ui.browser.Chromium;
import io.jruns.ui.browser.DevTools;

import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checked by looking: executes notebooks/compare.ipynb on the jruns kernel, converts it
 * with nbconvert (JupyterLab's look, its dark theme, and the classic notebook's), opens the
 * pages in headless Chromium, fails on any console error or script that ran, counts table
 * rows and SVG marks, and saves screenshots to cli/target/screenshots/. It never writes
 * tracked files: {@code docs/refresh-images} runs it and copies those screenshots to docs/images/.
 */
class CompareNotebookIT {
    static final Path ROOT = NotebooksIT.ROOT;
    /** Where the screenshots go; docs/refresh-images copies them to README's {@link #README_IMAGES}. */
    static final Path IMAGES = ROOT.resolve("cli/target/screenshots");
    static final Path README_IMAGES = ROOT.resolve("docs/images");
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    @TempDir
    static Path tmp;
    static Path prefix;
    static Path home;
    static Map<String, Path> pages;
    static Chromium browser;
    static DevTools devTools;
    static Map<String, String> readmeImagesBefore;

    @BeforeAll
    static void executeConvertAndStartTheBrowser() throws Exception {
        readmeImagesBefore = fingerprints(README_IMAGES);
        prefix = tmp.resolve("prefix");
        Cli.Result installed = cli(tmp.resolve("unused")).run("install", "--prefix", prefix.toString(), "--no-cds");
        assertEquals(0, installed.code(), installed.toString());
        home = tmp.resolve("home");
        Path out = tmp.resolve("compare.out.ipynb");
        Cli.Result r = cli(home).run("--tracking-uri", home.toString(), "execute",
                ROOT.resolve("notebooks/compare.ipynb").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.toString());
        pages = Map.of("lab", convert(out, "lab", List.of()), "dark", convert(out, "dark", List.of("--HTMLExporter.theme=dark")),
                "classic", convert(out, "classic", List.of("--template", "classic")));
        browser = new Chromium(tmp.resolve("chromium-profile"));
        devTools = new DevTools(browser.webSocketUrl);
    }

    static Cli cli(Path home) {
        Cli c = new Cli(home).libDir(ROOT.resolve("cli/target/lib"))
                .env("JUPYTER_PATH", prefix.resolve("share/jupyter").toString()).env("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        for (String v : Processes.PASSED_ON) {
            if (System.getenv(v) != null) c.env(v, System.getenv(v));
        }
        return c;
    }

    @AfterAll
    static void stopTheBrowserAndCheckNoTrackedFileChanged() throws Exception {
        if (devTools != null) devTools.close();
        if (browser != null) browser.close();
        assertEquals(readmeImagesBefore, fingerprints(README_IMAGES),
                "the test rewrote README's pictures in docs/images (tests write under target/ only)");
    }

    /** File name -> modification time and SHA-256 of each file in a folder. */
    static Map<String, String> fingerprints(Path dir) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                out.put(f.getFileName().toString(), Files.getLastModifiedTime(f) + " " + java.util.HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }

    static Path convert(Path notebook, String name, List<String> options) {
        Path html = tmp.resolve("compare-" + name + ".html");
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/jupyter", "nbconvert", "--to", "html"));
        cmd.addAll(options);
        cmd.addAll(List.of("--output", html.getFileName().toString(), "--output-dir", tmp.toString(), notebook.toString()));
        Processes.Result r = new Processes(home).run(tmp, 120, Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"), cmd.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(html), r.toString());
        return html;
    }

    @Test
    void theNotebookLoggedNestedFailedDeletedAndHostileRuns() throws Exception {
        try (Store store = cli(home).openStore()) {
            Experiment exp = store.getExperimentByName("compare demo").orElseThrow();
            List<Run> all = store.listRuns(List.of(exp.experimentId()), ViewType.ALL, 1000);
            Run parent = byName(all, "grid search");
            assertEquals(20, all.stream().filter(x -> parent.runId().equals(x.parentRunId().orElse(null))).count());
            assertEquals(RunStatus.FAILED, byName(all, "too fast").info().status());
            assertEquals(LifecycleStage.DELETED, byName(all, "mistake").info().lifecycleStage());
            assertEquals(HOSTILE, byName(all, "tuned").data().tags().get("comment"));
        }
    }

    @Test
    void jupyterLabLookRendersCleanlyWithTheRightRowsAndMarks() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1500, 900);
        page.open(pages.get("lab"));
        assertEquals(List.of(), page.problems(), "the page logged errors or ran a script");
        assertSafe(page);
        List<Run> runs = runs(ViewType.ACTIVE_ONLY);
        int active = runs.size();
        assertEquals(active, rows(page, 0), "one row per active run");
        assertEquals(5, rows(page, 1), "--max 5 shows five rows");
        assertTrue(page.eval("document.querySelectorAll('.jr-runs')[1].innerText").asText()
                .contains("Showing runs 1\u20135 of " + (active + 1) + ";"), "the paging line counts the deleted run too");
        assertEquals(1, page.count(".jr-runs .jr-deleted"), "the deleted run is marked in --state all");

        // nested runs fold without script: the checkbox hides the 20 rows below "grid search"
        String visible = "[...document.querySelectorAll('.jr-runs')[0].querySelectorAll('tbody tr')]"
                + ".filter(tr => getComputedStyle(tr).display !== 'none').length";
        assertEquals(active, page.eval(visible).asInt());
        page.eval("document.querySelectorAll('.jr-runs')[0].querySelector('.jr-tg').click()");
        assertEquals(active - 20, page.eval(visible).asInt(), "collapsing hides the nested runs");
        page.eval("document.querySelectorAll('.jr-runs')[0].querySelector('.jr-tg').click()");

        assertEquals(2, page.count(".jr-page svg.jr-spark path"), "a sparkline per metric with a history");
        List<Run> grid = runs.stream().filter(x -> x.info().runName().startsWith("grid lr")).toList();
        assertEquals(20, grid.size());
        assertEquals(grid.size(), marks(page, 0), "parallel coordinates: a line per grid run");
        assertEquals(grid.stream().filter(x -> "sgd".equals(x.data().params().get("optimizer")) && finite(x, "final_rmse")).count(),
                marks(page, 1), "contour: a point per sgd grid run");
        assertTrue(page.eval("document.querySelectorAll('.jr-compare')[1].querySelectorAll('svg rect').length").asInt() > 60,
                "the contour surface is drawn");
        assertEquals(grid.stream().filter(x -> finite(x, "final_rmse")).count(), marks(page, 2), "scatter: a point per grid run");
        assertEquals(3, marks(page, 3), "history: a line per compared run");

        page.screenshot(".jr-runs", 0, IMAGES.resolve("runs-table.png"), 760);
        page.screenshot(".jr-runs", 1, IMAGES.resolve("runs-paged.png"), 400);
        page.screenshot(".jr-page", 0, IMAGES.resolve("run-page.png"), 900);
        page.screenshot(".jr-compare", 0, IMAGES.resolve("compare.png"), 1100);
        page.screenshot(".jr-compare svg.jruns-plot", 1, IMAGES.resolve("compare-contour.png"), 600);
        page.screenshot(".jr-compare svg.jruns-plot", 2, IMAGES.resolve("compare-scatter.png"), 600);
        page.screenshot(".jr-compare svg.jruns-plot", 3, IMAGES.resolve("compare-history.png"), 600);
        assertEquals(List.of(), page.problems());
    }

    @Test
    void darkThemeAndClassicNotebookRenderCleanly() throws Exception {
        for (String look : List.of("dark", "classic")) {
            BrowserPage page = new BrowserPage(devTools, 1500, 900);
            page.open(pages.get(look));
            assertEquals(List.of(), page.problems(), look + ": the page logged errors or ran a script");
            assertSafe(page);
            assertEquals(runs(ViewType.ACTIVE_ONLY).size(), rows(page, 0), look);
            assertEquals(20, marks(page, 0), look);
            if (look.equals("dark")) { // light text on the dark page: the views inherit the theme's colours
                assertTrue(page.eval("(() => { const c = getComputedStyle(document.querySelector('.jr-runs td')).color"
                        + ".match(/[0-9.]+/g).map(Number); return (c[0] + c[1] + c[2]) / 3; })()").asDouble() > 150, "light text");
                page.screenshot(".jr-runs", 0, IMAGES.resolve("runs-table-dark.png"), 520);
            }
        }
    }

    /** The hostile tag shows as text, and nothing it contains became an element. */
    static void assertSafe(BrowserPage page) throws Exception {
        assertEquals(0, page.count("img[src=\"x\"]"), "an injected <img> exists");
        assertEquals(0, page.count(".jr script, .jr [onerror], .jr iframe"), "markup from user strings");
        assertTrue(page.eval("[...document.querySelectorAll('.jr-page td')].some(td => td.textContent === "
                + BrowserPage.js(HOSTILE) + ")").asBoolean(), "the hostile tag value is shown as text");
        assertFalse(page.eval("typeof window.__jrunsInjected !== 'undefined'").asBoolean());
    }

    /** Rows of the n-th runs table. */
    static int rows(BrowserPage page, int n) throws Exception {
        return page.eval("document.querySelectorAll('.jr-runs')[" + n + "].querySelectorAll('tbody tr').length").asInt();
    }

    /** Marks of runs (paths and circles with a run's tooltip) in the n-th compare output's first plot. */
    static int marks(BrowserPage page, int n) throws Exception {
        return page.eval("document.querySelectorAll('.jr-compare')[" + n + "].querySelector('svg.jruns-plot')"
                + ".querySelectorAll('path > title, circle > title').length").asInt();
    }

    static List<Run> runs(ViewType view) {
        try (Store store = cli(home).openStore()) {
            Experiment exp = store.getExperimentByName("compare demo").orElseThrow();
            return store.listRuns(List.of(exp.experimentId()), view, 1000);
        }
    }

    static boolean finite(Run r, String metric) {
        return r.metric(metric).filter(Double::isFinite).isPresent();
    }

    static Run byName(List<Run> runs, String name) {
        return runs.stream().filter(r -> name.equals(r.info().runName())).findFirst().orElseThrow(() -> new AssertionError("no run " + name));
    }
}
