package io.jruns.internal.ui.pages;

import io.jruns.domain.LifecycleStage;
import io.jruns.ui.browser.BrowserPage;
import io.jruns.ui.browser.Chromium;
import io.jruns.ui.browser.DevTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.jruns.internal.ui.pages.SeededUi.HOSTILE;
import static io.jruns.internal.ui.pages.SeededUi.QUOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person does on the experiment page, in headless Chromium with real clicks and typing:
 * open the UI's link, open the experiment, filter, tick three runs and compare them, open a run
 * from its start time, delete a run and restore it from the deleted runs. Any console error fails.
 */
class ExperimentPageBrowserIT {
    static final Path SHOTS = Path.of("target/screenshots");
    @TempDir
    static Path tmp;
    static SeededUi ui;
    static Chromium browser;
    static DevTools devTools;

    @BeforeAll
    static void start() throws Exception {
        ui = new SeededUi(tmp.resolve("store"));
        browser = new Chromium(tmp.resolve("chromium-profile"));
        devTools = new DevTools(browser.webSocketUrl);
    }

    @AfterAll
    static void stop() {
        if (devTools != null) devTools.close();
        if (browser != null) browser.close();
        if (ui != null) ui.close();
    }

    interface Step {
        void run() throws Exception;
    }

    /** Does the step and waits for the page it loads. */
    static void andWait(Step step) throws Exception {
        int mark = devTools.events.size();
        step.run();
        devTools.await("Page.loadEventFired", mark, 30_000);
    }

    static String text(BrowserPage page) throws Exception {
        return page.eval("document.body.innerText").asText();
    }

    static String sel(String runId) {
        return "input.jr-sel[value='" + runId + "']";
    }

    @Test
    void filterSelectCompareOpenDeleteAndRestoreByHand() throws Exception {
        BrowserPage page = new BrowserPage(devTools, 1400, 900);
        page.open(ui.server.info().url() + "?token=" + ui.server.info().token());
        page.waitFor("document.querySelector('#experiments a')", 10_000);
        page.clickAndWait("#experiments a");
        assertEquals(ui.page(), page.eval("location.pathname").asText());
        assertEquals(5, page.count("input.jr-sel"));
        assertTrue(text(page).contains(HOSTILE + QUOTES), "the hostile run name is shown as text");

        page.type("#jr-filter", "metrics.rmse > 15");
        andWait(page::pressEnter);
        assertTrue(page.eval("location.search").asText().contains("filter=metrics.rmse"), "the form went to the server");
        assertEquals(4, page.count("input.jr-sel"), "rmse 30, 20, 22, 21 pass; 10 does not");
        assertEquals("metrics.rmse > 15", page.eval("document.querySelector('#jr-filter').value").asText(), "the box keeps the filter");

        assertTrue(page.eval("document.querySelector('#jr-compare').disabled").asBoolean(), "nothing ticked: Compare waits");
        page.click("input.jr-all");
        page.waitFor("document.querySelectorAll('input.jr-sel:checked').length === 4", 5_000);
        assertEquals("4 runs selected", page.eval("document.querySelector('#jr-selected').textContent").asText());
        page.click("input.jr-all");
        page.waitFor("document.querySelectorAll('input.jr-sel:checked').length === 0", 5_000);
        for (String run : List.of("base", "parent", "child-a")) page.click(sel(ui.ids.get(run)));
        page.waitFor("document.querySelector('#jr-selected').textContent === '3 runs selected'", 5_000);
        assertTrue(page.eval("document.querySelector('#jr-restore').disabled").asBoolean(), "active runs ticked: nothing to restore");
        assertFalse(page.eval("document.querySelector('#jr-delete').disabled").asBoolean());
        assertEquals("Download CSV (3 selected)", page.eval("document.querySelector('a.jr-csv').textContent").asText());
        String csv = page.eval("document.querySelector('a.jr-csv').href").asText();
        assertTrue(csv.contains("filter=") && csv.matches(".*&runs=[0-9a-f,]+$") && csv.contains(ui.ids.get("base"))
                && csv.contains(ui.ids.get("child-a")), "the CSV link carries the ticked runs, after the filter: " + csv);
        page.screenshot(SHOTS.resolve("experiment.png"));
        String filtered = page.eval("location.href").asText();
        page.clickAndWait("#jr-compare");
        assertEquals("/compare", page.eval("location.pathname").asText());
        assertTrue(text(page).contains("Comparing 3 runs"), text(page));
        assertEquals(1, page.count(".jr-plot svg"), "parallel coordinates");
        page.screenshot(SHOTS.resolve("compare.png"));
        assertEquals(List.of(), page.problems());

        page.open(filtered);
        page.clickAndWait("a.jr-runlink");
        String path = page.eval("location.pathname").asText();
        assertTrue(path.matches("/runs/[0-9a-f]{32}"), path);
        String title = page.eval("document.title").asText();
        assertTrue(!title.contains("error") || text(page).startsWith("404"), "the run page opens (or is not built yet): " + text(page));
        devTools.events.removeIf(e -> e.params().toString().contains("status of 404")); // a run page still to come

        page.open(ui.url(ui.page()));
        page.click(sel(ui.ids.get("base")));
        page.clickAndWait("#jr-delete");
        assertTrue(text(page).contains("Delete 1 run?"), "asked first: " + text(page));
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(ui.ids.get("base")).info().lifecycleStage());
        page.clickAndWait("#jr-confirm-delete");
        assertTrue(text(page).contains("Deleted 1 run."), text(page));
        assertFalse(page.eval("location.search").asText().contains("deleted="), "a reload would not say it again");
        assertEquals(LifecycleStage.DELETED, ui.client.getRun(ui.ids.get("base")).info().lifecycleStage());
        page.eval("document.querySelector('select[name=state]').value = 'deleted'");
        page.clickAndWait(".jr-exp-form button[type=submit]");
        assertEquals(2, page.count("input.jr-sel"), "base and the run deleted before");
        assertEquals(2, page.count(".jr-badge:not(.jr-model)"));
        assertTrue(page.eval("document.querySelector('#jr-restore').disabled").asBoolean(), "nothing ticked");
        page.click(sel(ui.ids.get("base")));
        page.waitFor("!document.querySelector('#jr-restore').disabled", 5_000);
        assertTrue(page.eval("document.querySelector('#jr-delete').disabled").asBoolean(), "deleted runs ticked: nothing to delete");
        page.clickAndWait("#jr-restore");
        assertTrue(text(page).contains("Restored 1 run."), text(page));
        assertEquals(1, page.count("input.jr-sel"), "back on the deleted runs: only the other one is left");
        assertEquals(LifecycleStage.ACTIVE, ui.client.getRun(ui.ids.get("base")).info().lifecycleStage());
        assertEquals(List.of(), page.problems());
    }
}
