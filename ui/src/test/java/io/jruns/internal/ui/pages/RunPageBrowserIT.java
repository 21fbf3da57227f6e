package io.jruns.internal.ui.pages;

import io.jruns.domain.SystemTags;
import io.jruns.ui.browser.BrowserPage;
import io.jruns.ui.browser.Chromium;
import io.jruns.ui.browser.DevTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run page in headless Chromium, by real clicks and typing: tags, rename, chart hover, the notebook version. */
class RunPageBrowserIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path home;
    static RunPageFixture f;
    static Chromium browser;
    static DevTools devTools;

    @BeforeAll
    static void start() throws Exception {
        f = new RunPageFixture(home);
        browser = new Chromium(home.resolve("chromium-profile"));
        devTools = new DevTools(browser.webSocketUrl);
    }

    @AfterAll
    static void stop() {
        if (devTools != null) devTools.close();
        if (browser != null) browser.close();
        if (f != null) f.close();
    }

    @Test
    void everyChildRunIsSeenAndAModelsNameLeadsToItsPredictionCode() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 1000);
        page.open(f.server.info().link());
        page.open(f.server.info().url() + "runs/" + f.parentId);
        // the cell used to clip its list after the first names (one line, 24em, ellipsis)
        String cell = "[...document.querySelectorAll('.jr-k')].find(e => e.textContent === 'Child runs').nextElementSibling";
        assertTrue(page.eval(cell + ".scrollWidth <= " + cell + ".clientWidth + 1").asBoolean(),
                "no child run hidden: " + page.eval(cell + ".innerText").asText());
        for (String id : f.childIds) {
            assertTrue(page.eval(cell + ".innerText").asText().contains(id.substring(0, 8)), id);
        }
        page.click("a[href$='#model-0']"); // within the page: no load
        page.waitFor("location.hash === '#model-0'", 5000);
        assertTrue(page.eval("location.hash").asText().equals("#model-0")
                && page.eval("document.querySelector('#model-0 .jr-snippet-tablesaw pre').innerText").asText().contains("runs:/" + f.parentId + "/model"),
                "the model's name leads to its prediction code");
    }

    @Test
    void tagsRenameAndTheNotebookVersionByRealClicks() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 1000);
        page.open(f.server.info().link());
        String runUrl = f.server.info().url() + "runs/" + f.parentId;
        page.open(runUrl);
        assertTrue(page.eval("document.title").asText().startsWith("parent <script>"), "the page opened with the cookie");
        assertEquals("isolate", page.eval("getComputedStyle(document.querySelector('.jr-name')).unicodeBidi").asText(),
                "a name's right-to-left marks stay inside it");

        page.type("#tag-key", "reviewer");
        page.type("#tag-value", "ann <b>'x'</b>");
        page.clickAndWait("#tag-add-button");
        page.waitFor("document.querySelector('tr[data-tag=\"reviewer\"] input.jr-tagvalue')", 5000);
        assertEquals("ann <b>'x'</b>", page.eval("document.querySelector('tr[data-tag=\"reviewer\"] input.jr-tagvalue').value").asText());
        assertEquals("ann <b>'x'</b>", f.client.getRun(f.parentId).data().tags().get("reviewer"));

        page.type("#tag-key", "bad key!");
        page.clickAndWait("#tag-add-button");
        assertTrue(page.eval("document.querySelector('.jr-formerror').innerText").asText().contains("invalid tag key"));
        assertEquals("bad key!", page.eval("document.querySelector('#tag-key').value").asText(), "the typed key is kept");

        page.clickAndWait("tr[data-tag=\"reviewer\"] button.jr-delete");
        assertEquals(0, page.count("tr[data-tag=\"reviewer\"]"));
        assertFalse(f.client.getRun(f.parentId).data().tags().containsKey("reviewer"));

        page.type("#run-name", "renamed in the browser");
        page.clickAndWait("#rename-form button");
        assertEquals("renamed in the browser", f.client.getRun(f.parentId).info().runName());
        assertEquals("renamed in the browser", f.client.getRun(f.parentId).data().tags().get(SystemTags.RUN_NAME));
        assertTrue(page.eval("document.title").asText().startsWith("renamed in the browser"));

        // hovering a chart shows the value under the mouse (static/run.js)
        page.eval("(() => { const s = document.querySelector('svg.jr-chart-svg[data-key=\"loss\"]'); s.scrollIntoView({block: 'center'});"
                + " const r = s.getBoundingClientRect(); s.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + r.width * 0.3,"
                + " clientY: r.top + r.height / 2, bubbles: true})); })()");
        String label = page.eval("document.querySelector('svg.jr-chart-svg[data-key=\"loss\"] g.jr-hover text').textContent").asText();
        assertTrue(label.startsWith("step "), "hover value: " + label);
        assertEquals("visible", page.eval("document.querySelector('svg.jr-chart-svg[data-key=\"loss\"] g.jr-hover').getAttribute('visibility')").asText());
        page.screenshot("#charts", 0, SHOTS.resolve("run-charts.png"), 700);
        page.screenshot("#edit", 0, SHOTS.resolve("run-edit.png"), 600);
        page.eval("window.scrollTo(0, 0)");
        page.screenshot(SHOTS.resolve("run.png"));

        page.clickAndWait("a[href=\"/runs/" + f.parentId + "/notebook\"]");
        assertTrue(page.eval("location.pathname").asText().endsWith("/notebook"));
        assertEquals(3, page.count(".jr-cell.jr-logged"), "the cells that started, logged to and ended the run are marked");
        assertEquals(List.of("c2", "c3"), List.of(page.eval("document.querySelectorAll('.jr-cell.jr-logged')[0].dataset.cellId").asText(),
                page.eval("document.querySelectorAll('.jr-cell.jr-logged')[1].dataset.cellId").asText()));
        assertTrue(page.eval("getComputedStyle(document.querySelector('.jr-cell.jr-logged')).borderLeftWidth").asText().startsWith("6"),
                "a highlight bar");
        assertTrue(page.eval("document.querySelector('.jr-runbar').innerText").asText().contains("renamed in the browser"));
        assertEquals(0, page.count(".jr-nb script, .jr-nb img#evil, .jr-nb i"), "nothing from the notebook became markup");
        page.screenshot(SHOTS.resolve("notebook.png"));
        // the refused form's page comes with status 400 on purpose, which Chromium logs; nothing else may be logged
        List<String> problems = page.problems();
        List<String> refused = problems.stream().filter(p -> p.contains("status of 400") && p.contains("/tags\"")).toList();
        assertEquals(1, refused.size(), "the one refused form: " + problems);
        assertEquals(List.of(), problems.stream().filter(p -> !refused.contains(p)).toList(), "console errors or a dialog on the pages");
    }
}
