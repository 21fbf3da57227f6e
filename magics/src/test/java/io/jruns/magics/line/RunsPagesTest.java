package io.jruns.magics.line;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.RunOptions;
import io.jruns.domain.Run;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.views.html.RunsTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * %runs reading one page from the store (real embedded store in a temporary folder): each page
 * is the same table as one cut from every run loaded, the count is exact, and the cases the
 * page cannot show alone (nested runs, named columns only other pages have) still show the
 * whole-result table.
 */
class RunsPagesTest {
    @TempDir
    static Path home;
    static final MagicRegistry MAGICS = JrunsMagics.registry();
    static final List<Output> SHOWN = new ArrayList<>();
    static final MagicHost HOST = new MagicHost() {
        @Override
        public void display(Output output) {
            SHOWN.add(output);
        }

        @Override
        public Object eval(String code) {
            return null;
        }

        @Override
        public Optional<Path> notebookPath() {
            return Optional.empty();
        }
    };

    @BeforeAll
    static void logRuns() {
        Jruns.setTrackingUri(home.toString());
        Jruns.setExperiment("sweep");
        try (ActiveRun parent = Jruns.startRun("parent")) {
            for (int i = 0; i < 120; i++) {
                nextMillisecond();
                try (ActiveRun c = Jruns.startRun(RunOptions.builder().name("child " + i).nested(true).build())) {
                    c.logParam("k", i);
                }
            }
        }
        Jruns.setExperiment("flat");
        for (int i = 0; i < 120; i++) {
            nextMillisecond();
            try (ActiveRun r = Jruns.startRun("r" + i)) {
                r.logParam("opt", i % 2 == 0 ? "adam" : "sgd").logMetric("loss", 1.0 / (i + 1));
                if (i < 10) r.logParam("rare", i);
            }
        }
    }

    /** Runs started in the same millisecond tie on start time; the tests read the order they were started in. */
    static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) {
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void park() {
        Jruns.setTrackingUri(home.resolve("parked").toString());
    }

    static String text(String line) throws Exception {
        SHOWN.clear();
        MAGICS.run(HOST, MagicSpec.Kind.LINE, "runs", line, null);
        assertEquals(1, SHOWN.size());
        return SHOWN.get(0).text();
    }

    /** The table as %runs drew it before it read pages: every match loaded, the page cut in memory. */
    static String whole(String filter, int page, int max, String command, List<String> columns) {
        List<Run> all = Jruns.search().filter(filter).runs();
        String subtitle = "flat" + (filter.isBlank() ? "" : " \u00b7 " + filter);
        return RunsTable.render(new RunsTable.View("Experiment Runs", subtitle, all, page, max, columns, 0,
                p -> command + " --page " + p, false)).text();
    }

    @Test
    void eachPageIsTheTableCutFromEveryRun() throws Exception {
        for (int page = 1; page <= 4; page++) {
            assertEquals(whole("", page, 50, "%runs --max 50", List.of()), text("--max 50 --page " + page), "page " + page);
        }
        String f = "params.opt = 'sgd'";
        for (int page = 1; page <= 2; page++) {
            assertEquals(whole(f, page, 40, "%runs \"" + f + "\" --max 40", List.of()),
                    text("\"" + f + "\" --max 40 --page " + page), "filtered, page " + page);
        }
    }

    @Test
    void theCountIsExactAndPagesFollow() throws Exception {
        String first = text("--max 50");
        assertTrue(first.contains("Showing runs 1\u201350 of 120; 70 more: %runs --max 50 --page 2 (up to 1,000 a page with --max N)."), first);
        assertTrue(first.contains(" r119 ") && first.contains(" r70 ") && !first.contains(" r69 "), first);
        String last = text("--max 50 --page 3");
        assertTrue(last.contains("Showing runs 101\u2013120 of 120."), last);
        assertTrue(last.contains(" r0 ") && !last.contains(" r20 "), last);
        assertTrue(text("--page 9").contains("Page 9 is past the end: 120 runs, 100 a page."));
        assertTrue(text("\"params.opt = 'none'\"").contains("No runs match."));
    }

    @Test
    void aColumnOnlyOtherPagesHaveStillResolves() throws Exception {
        String t = text("--max 50 --columns rare");
        assertTrue(t.contains("params.rare"), t);
        assertTrue(t.contains("Showing runs 1\u201350 of 120;"), t);
    }

    @Test
    void nestedRunsStayUnderTheirParentAcrossThePages() throws Exception {
        String t = text("--experiment sweep --max 10");
        List<String> rows = t.lines().filter(l -> l.contains("parent") || l.contains("child ")).toList();
        assertTrue(rows.get(0).contains("parent"), t); // the parent is the oldest run, yet its family comes first
        assertTrue(rows.get(1).contains("\u21B3 child 119"), t);
        assertTrue(t.contains("Showing runs 1\u201310 of 121;"), t);
    }

    @Test
    void runsOfSeveralExperimentsSayWhichEachComesFrom() throws Exception {
        String both = text("--experiment sweep,flat --max 130");
        String header = both.lines().filter(l -> l.contains("Run name")).findFirst().orElseThrow();
        assertTrue(header.matches(".*Run name\\s+Experiment\\s+Status.*"), header);
        assertTrue(both.lines().anyMatch(l -> l.contains(" r119 ") && l.contains(" flat ")), both);
        assertTrue(both.lines().anyMatch(l -> l.contains("child 119") && l.contains(" sweep ")), both);
        String one = text("--experiment flat --max 5").lines().filter(l -> l.contains("Run name")).findFirst().orElseThrow();
        assertTrue(one.matches(".*Run name\\s+Status.*"), "one experiment: no column: " + one);
    }

    @Test
    void aBadFilterIsReportedAsWritten() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> text("\"metrics.loss >\""));
        assertTrue(e.getMessage().endsWith("(column 15)"), "the column in the filter as typed: " + e.getMessage());
    }
}
