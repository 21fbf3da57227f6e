package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.internal.ui.http.Request;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(1, parse("page=3&token=T3&prev=").previous().page(), "earlier tokens unknown: back to the first page");
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
}
