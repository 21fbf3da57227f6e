package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.internal.ui.http.Request;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment page's form values: defaults left out of links, and the chain of page tokens both ways. */
class RunsFormTest {
    static RunsForm parse(String query) {
        return RunsForm.of(Request.parseQuery(query));
    }

    @Test
    void aLinkKeepsWhatWasChosenAndLeavesOutDefaults() {
        RunsForm f = parse("filter=params.a+%3D+%27x%26y%27&state=ALL&order=metrics.rmse+DESC&col=params.a,metrics.b&col=params.c&size=50");
        assertEquals("params.a = 'x&y'", f.filter());
        assertEquals("all", f.state());
        assertEquals(List.of("params.a", "metrics.b", "params.c"), f.columns());
        assertEquals(f, parse(f.query()), "a link reads back as the same form");
        assertEquals("", parse("").query());
        assertEquals("filter=params.a+%3D+%27x%26y%27&state=all&order=metrics.rmse+DESC", f.csvQuery(), "the CSV is every column and page");
    }

    @Test
    void nextAndPreviousWalkTheTokens() {
        RunsForm p1 = parse("size=10");
        RunsForm p2 = p1.next("T2");
        RunsForm p3 = p2.next("T3");
        RunsForm p4 = p3.next("T4");
        assertEquals(4, p4.page());
        assertEquals(List.of("T2", "T3"), p4.prev());
        assertEquals(p4, parse(p4.query()));
        assertEquals(p3, p4.previous());
        assertEquals(p2, p3.previous());
        assertEquals(p1, p2.previous());
        assertNull(p1.token());
    }

    @Test
    void aPageWithoutItsTokenStartsAgainAndBadValuesAreOneLine() {
        assertEquals(1, parse("page=7").page());
        assertEquals(1, parse("page=3&page_token=T3&prev=").previous().page(), "earlier tokens unknown: back to the first page");
        assertEquals("a page holds 1 to 1,000 runs, not 1001", assertThrows(JrunsException.class, () -> parse("size=1001")).getMessage());
        assertEquals("state must be active, deleted or all, not 'gone'", assertThrows(JrunsException.class, () -> parse("state=gone")).getMessage());
        assertEquals("size must be a whole number, not 'x'", assertThrows(JrunsException.class, () -> parse("size=x")).getMessage());
    }

    @Test
    void theCsvFileNameIsSafeAnywhere() {
        assertEquals("script_alert_1_script_x_y-runs.csv", RunActions.fileName("<script>alert(1)</script> x'y"));
        assertEquals("notebooks_a.ipynb-runs.csv", RunActions.fileName("notebooks/a.ipynb"));
        assertEquals("experiment-runs.csv", RunActions.fileName("../.."));
        assertEquals("Grüße_Ölpreis_日本-runs.csv", RunActions.fileName("Grüße Ölpreis/日本"), "letters of any script are kept");
    }

    @Test
    void createdIsFixedWhenAppliedAndCarriedByEveryLink() {
        long before = System.currentTimeMillis();
        RunsForm f = parse("filter=params.a+%3D+%271%27+OR+params.b+%3D+%272%27&created=24h");
        long since = f.since();
        assertTrue(since >= before - 86_400_000L && since <= System.currentTimeMillis() - 86_400_000L, "the last 24 hours: " + since);
        assertEquals("(params.a = '1' OR params.b = '2') AND attributes.start_time >= " + since, f.searchFilter(),
                "the typed filter keeps its own meaning (its OR) beside the bound");
        assertEquals(f, parse(f.query()), "links carry since, so the next page searches the same runs");
        assertEquals(since, f.next("T2").since());
        assertTrue(f.csvQuery().endsWith("&created=24h&since=" + since), f.csvQuery());
        assertEquals("attributes.start_time >= 5", parse("created=7d&since=5").searchFilter());
        assertEquals("params.a = '1'", parse("filter=params.a+%3D+%271%27&since=5").searchFilter(), "no period, no bound");
        assertEquals("created must be 1h, 24h, 7d, 30d or 1y (or empty for all time), not '2d'",
                assertThrows(JrunsException.class, () -> parse("created=2d")).getMessage());
    }

    @Test
    void modelsNarrowsTheSearchToRunsWithOrWithoutALoggedModel() {
        RunsForm f = parse("filter=params.a+%3D+%271%27+OR+params.b+%3D+%272%27&created=7d&since=5&models=with");
        assertEquals("(params.a = '1' OR params.b = '2') AND attributes.start_time >= 5"
                + " AND tags.`mlflow.log-model.history` IS NOT NULL", f.searchFilter());
        assertEquals("tags.`mlflow.log-model.history` IS NULL", parse("models=without").searchFilter());
        assertEquals("", parse("models=").searchFilter(), "all runs: no clause");
        assertEquals(f, parse(f.query()), "links carry it");
        assertEquals("with", f.next("T2").models());
        assertEquals("with", f.next("T2").next("T3").previous().models());
        assertTrue(f.csvQuery().endsWith("&models=with"), "the CSV keeps it: " + f.csvQuery());
        assertEquals("with a logged model", f.modelsLabel());
        assertEquals("models must be 'with' or 'without' (or empty for all runs), not 'some'",
                assertThrows(JrunsException.class, () -> parse("models=some")).getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "child                  | true",
            "lr 0.01                | true",
            "status                 | true",
            "''                     | false",
            "metrics.rmse < 1       | false",
            "params.x = 'a'         | false",
            "metrics.rmse <         | false",
            "MIN(metrics.loss) <= 1 | false",
            "tags.`my tag` = \"x\"  | false"})
    void plainWordsSearchRunNamesAndAnythingElseIsAFilter(String typed, boolean names) {
        RunsForm f = new RunsForm(typed, "active", "", List.of(), RunsForm.DEFAULT_SIZE);
        assertEquals(names, f.namesSearch());
        if (names) assertEquals("attributes.run_name ILIKE '%" + typed + "%'", f.searchFilter());
        else assertEquals(typed, f.searchFilter());
    }
}
