package io.jruns.internal.ui.pages;

import io.jruns.views.html.Html;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.jruns.internal.ui.pages.SeededUi.HOSTILE;
import static io.jruns.internal.ui.pages.SeededUi.QUOTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compare page over HTTP: the runs' tables, the plot the form picks, and clear errors. */
class ComparePageIT {
    @TempDir
    static Path home;
    static SeededUi ui;

    @BeforeAll
    static void start() throws Exception {
        ui = new SeededUi(home);
    }

    @AfterAll
    static void stop() {
        ui.close();
    }

    String runs(String... names) {
        return String.join(",", java.util.Arrays.stream(names).map(ui.ids::get).toList());
    }

    @Test
    void threeRunsSideBySideWithParallelCoordinatesAndHostileValuesAsText() throws Exception {
        HttpResponse<String> r = ui.get("/compare?runs=" + runs("base", "parent", "hostile"));
        assertEquals(200, r.statusCode(), r.body());
        String page = r.body();
        assertTrue(page.contains("Comparing 3 runs"), page);
        assertTrue(page.contains("Parallel coordinates") && page.contains("<svg"), "the default plot");
        assertFalse(page.contains(HOSTILE));
        assertTrue(page.contains(Html.escape(HOSTILE + QUOTES)));
        assertTrue(page.contains("<option value=\"metrics.rmse\">metrics.rmse</option>"), "the form offers the runs' keys");
    }

    @Test
    void theFormPicksThePlotAndItsAxes() throws Exception {
        String base = "/compare?runs=" + runs("base", "parent", "child-a", "hostile");
        String scatter = ui.get(base + "&plot=scatter&x=params.lr&y=metrics.rmse").body();
        assertTrue(scatter.contains("Scatter: rmse by lr"), scatter);
        assertTrue(scatter.contains("<option value=\"params.lr\" selected>"), "the choice stays selected");
        assertTrue(ui.get(base + "&plot=history&metric=metrics.rmse").body().contains("History: rmse by step"));
        String contour = ui.get(base + "&plot=contour").body();
        assertEquals(200, ui.get(base + "&plot=contour").statusCode());
        assertTrue(contour.contains("jr-filter-error") && contour.contains("choose y for this plot"), "one numeric param: no default y");
        String unknown = ui.get(base + "&plot=%3Cpie%3E").body();
        assertTrue(unknown.contains("plot &#39;&lt;pie&gt;&#39; is not one of parallel, scatter, contour, history, none")
                || unknown.contains("plot '&lt;pie&gt;' is not one of"), "said, not silently replaced: " + unknown);
        String diff = ui.get(base + "&plot=none&diff=1").body();
        assertFalse(diff.contains("<svg class"), "no plot");
    }

    @Test
    void theFormChoosesTheParallelAxesInTheUrl() throws Exception {
        String base = "/compare?runs=" + runs("base", "parent", "hostile");
        String dflt = ui.get(base).body();
        assertTrue(dflt.contains("<input type=\"checkbox\" name=\"axes\" value=\"params.formula\">"), "every key offered, none ticked: " + dflt);
        assertFalse(axisTitles(dflt).contains("formula"), "the default axes are the params that vary");
        // repeated as the checkboxes send them, or comma-separated as %compare --axes takes them
        for (String q : new String[]{"&axes=params.formula&axes=metrics.rmse", "&axes=params.formula,metrics.rmse"}) {
            String page = ui.get(base + q).body();
            assertEquals(java.util.List.of("formula", "rmse"), axisTitles(page), q);
            assertTrue(page.contains("<input type=\"checkbox\" name=\"axes\" value=\"params.formula\" checked>"), "stays ticked");
        }
        String unknown = ui.get(base + "&axes=params.lr&axes=nope").body();
        assertTrue(unknown.contains("<div class=\"jr-filter-error\" role=\"alert\">no compared run has a param or metric &#39;nope&#39;"), unknown);
        assertTrue(axisTitles(unknown).isEmpty(), "nothing drawn");
        assertTrue(unknown.contains("value=\"nope\" checked>"), "kept as typed");
    }

    /** The parallel plot's axis titles, left to right. */
    private static java.util.List<String> axisTitles(String page) {
        var m = java.util.regex.Pattern.compile("text-anchor=\"middle\" fill=\"currentColor\" font-weight=\"600\">([^<]*)</text>").matcher(page);
        java.util.List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aPlotThatCannotBeDrawnSaysWhyAndKeepsTheChoice() throws Exception {
        String base = "/compare?runs=" + runs("base", "parent");
        String[][] cases = {
                {"&plot=history&metric=nonexistent", "no compared run has a param or metric &#39;nonexistent&#39;"},
                {"&plot=bogus", "plot &#39;bogus&#39; is not one of"},
                {"&plot=scatter&x=alpha&y=nope", "no compared run has a param or metric &#39;"}};
        for (String[] c : cases) {
            String page = ui.get(base + c[0]).body();
            assertTrue(page.contains("<div class=\"jr-filter-error\" role=\"alert\">") && page.contains(c[1]), c[0] + ": " + page);
            assertFalse(page.contains("<svg class=\"jruns-plot\"") || page.contains("class=\"jruns-plot\""), c[0] + " draws nothing");
        }
        assertTrue(ui.get(base + "&plot=history&metric=nonexistent").body().contains("<option value=\"nonexistent\" selected>"),
                "the choice stays as typed");
        String one = ui.get("/compare?runs=" + runs("base")).body();
        assertTrue(one.contains("parallel coordinates need two runs or more"), "one run: the default plot says why it is missing: " + one);
        String empty = ui.get(base + "&plot=").body();
        assertTrue(empty.contains("Parallel coordinates") && !empty.contains("jr-filter-error"), "an empty choice is the default: " + empty);
    }

    @Test
    void anUnknownRunIsA404NamingIt() throws Exception {
        HttpResponse<String> r = ui.get("/compare?runs=" + runs("base") + ",nope%3Cb%3E");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("no run with id &#39;nope&lt;b&gt;&#39;") || r.body().contains("nope&lt;b&gt;"), r.body());
        assertEquals(400, ui.get("/compare").statusCode());
        assertEquals(400, ui.get("/compare?runs=" + String.join(",",
                java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "r" + i).toList())).statusCode());
        // 1,000 whole run ids, as the experiment page's Compare sends them when a page of 1,000 is ticked
        HttpResponse<String> many = ui.get("/compare?runs=" + String.join(",", java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> String.format("%032x", i)).toList()));
        assertEquals(404, many.statusCode(), "read, and the first unknown id named (not 414 URI Too Long)");
        assertFalse(many.headers().firstValue("Server").isPresent(), "no server version sent");
    }
}
