package io.jruns.internal.ui.pages;

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

/**
 * What a person sees of a sweep on the experiment page, in headless Chromium: the parent above
 * its children on the first page though it sorts onto the second, its ▾ folding them, "select
 * all" leaving it alone; and, over several experiments, each run's experiment named and linked.
 */
class NestedRunsBrowserIT {
    @TempDir
    static Path tmp;
    static SeededUi ui;
    static SeededUi.Sweep sweep;
    static Chromium browser;
    static DevTools devTools;

    @BeforeAll
    static void start() throws Exception {
        ui = new SeededUi(tmp.resolve("store"));
        sweep = ui.sweep("sweep <b>");
        browser = new Chromium(tmp.resolve("chromium-profile"));
        devTools = new DevTools(browser.webSocketUrl);
    }

    @AfterAll
    static void stop() {
        if (devTools != null) devTools.close();
        if (browser != null) browser.close();
        if (ui != null) ui.close();
    }

    /** The top of the row of a run, in the page; -1 when the row is not displayed. */
    static double top(BrowserPage page, String runId) throws Exception {
        return page.eval("(() => { const r = document.querySelector(\"span.jr-name[title='run " + runId + "']\").closest('tr');"
                + " return r.offsetParent === null ? -1 : r.getBoundingClientRect().top + window.scrollY; })()").asDouble();
    }

    @Test
    void theParentShowsAboveItsChildrenFoldsThemAndIsNeverSelectedWithThem() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 900);
        page.open(ui.server.info().url() + "?token=" + ui.server.info().token());
        page.open(ui.url("/experiments/" + sweep.experimentId()));
        assertEquals(100, page.count("input.jr-sel"));
        double solo0 = top(page, sweep.id("solo0"));
        double parent = top(page, sweep.id("parent"));
        double c119 = top(page, sweep.id("c119"));
        assertTrue(solo0 > 0 && solo0 < parent && parent < c119, "solo0 " + solo0 + ", the parent " + parent + ", c119 " + c119);
        assertTrue(page.eval("document.body.innerText").asText().contains("parent (97 on this page)"));
        page.screenshot(Path.of("target/screenshots/sweep.png"));

        page.click("input.jr-all");
        page.waitFor("document.querySelector('#jr-selected').textContent === '100 runs selected'", 5_000);
        page.click("input.jr-all");
        page.waitFor("document.querySelectorAll('input.jr-sel:checked').length === 0", 5_000);

        page.click("tr.jr-ctx label.jr-tl");
        page.waitFor("document.querySelector(\"span.jr-name[title='run " + sweep.id("c119") + "']\").closest('tr').offsetParent === null", 5_000);
        assertEquals(-1.0, top(page, sweep.id("c23")), "every child folded under its parent");
        assertTrue(top(page, sweep.id("parent")) > 0 && top(page, sweep.id("solo0")) > 0, "the parent and the runs alone stay");
        assertEquals(List.of(), page.problems());
    }

    @Test
    void aTableOfSeveralExperimentsNamesEachRunsExperimentAndLinksToIt() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 900);
        page.open(ui.server.info().url() + "?token=" + ui.server.info().token());
        page.open(ui.url("/experiments/" + sweep.experimentId() + "," + ui.experimentId + "?size=250"));
        List<String> heads = List.of(page.eval("Array.from(document.querySelectorAll('table.jr-t thead th')).map(t => t.textContent).join('|')")
                .asText().split("\\|"));
        assertEquals("Experiment", heads.get(heads.indexOf("Run name") + 1), heads.toString());
        String cell = "document.querySelector(\"span.jr-name[title='run " + sweep.id("solo2") + "']\").closest('tr').querySelector('a.jr-explink')";
        assertEquals("sweep <b>", page.eval(cell + ".textContent").asText(), "the name as text");
        String other = "document.querySelector(\"span.jr-name[title='run " + ui.ids.get("base") + "']\")";
        assertFalse(page.eval(other + " === null").asBoolean(), "the other experiment's runs are in the table too");
        page.clickAndWait("tr:has(span.jr-name[title='run " + sweep.id("solo2") + "']) a.jr-explink");
        assertEquals("/experiments/" + sweep.experimentId(), page.eval("location.pathname").asText());
        assertFalse(page.eval("Array.from(document.querySelectorAll('table.jr-t thead th')).some(t => t.textContent === 'Experiment')")
                .asBoolean(),
                "its own page, one experiment: no Experiment column");
        assertEquals(List.of(), page.problems());
    }
}
