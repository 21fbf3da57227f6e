package io.jruns.magics.line;

import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.RunOptions;
import io.jruns.magics.JrunsMagics;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.MagicRegistry;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %runs, %runs show and %compare against a real embedded store in a temporary folder. */
class ViewMagicsTest {
    @TempDir
    static Path home;
    static final MagicRegistry MAGICS = JrunsMagics.registry();
    static final String ELSEWHERE = "elsewhere <b>&</b>";
    /** Runs "away" in ELSEWHERE and six more experiments, not the active one. */
    static final List<String> AWAY = new ArrayList<>();
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
        Jruns.setExperiment("views");
        for (int i = 0; i < 5; i++) {
            try (ActiveRun r = Jruns.startRun("trial " + i)) {
                r.logParam("lr", Math.pow(10, -i)).logParam("opt", i % 2 == 0 ? "adam" : "sgd");
                for (int s = 0; s < 10; s++) r.logMetric("loss", 1.0 / (s + 1 + i), s);
                if (i == 3) r.setNote("# Findings\n\n**lr** matters <script>alert(1)</script>");
                if (i == 4) {
                    try (ActiveRun c = Jruns.startRun(RunOptions.builder().name("fold").nested(true).build())) {
                        c.logMetric("loss", 0.3);
                    }
                }
            }
        }
        Jruns.startRun("twin").close();
        Jruns.startRun("twin").close();
        for (int i = 0; i < 7; i++) {
            Jruns.setExperiment(i == 0 ? ELSEWHERE : "far " + i);
            try (ActiveRun r = Jruns.startRun("away")) {
                r.logParam("opt", "sgd");
                AWAY.add(r.runId());
            }
        }
        Jruns.setExperiment("views");
    }

    @AfterAll
    static void park() {
        Jruns.setTrackingUri(home.resolve("parked").toString());
    }

    static Output run(String name, String line) throws Exception {
        SHOWN.clear();
        MAGICS.run(HOST, MagicSpec.Kind.LINE, name, line, null);
        assertEquals(1, SHOWN.size());
        return SHOWN.get(0);
    }

    @Test
    void runsShowsEveryRunNewestFirstAndFilters() throws Exception {
        Output all = run("runs", "");
        assertTrue(all.text().contains("Showing runs 1\u20138 of 8."), all.text());
        assertTrue(all.text().indexOf("trial 4") < all.text().indexOf("trial 0"), "newest first");
        assertTrue(all.text().contains("  \u21b3 fold"), all.text());
        Output some = run("runs", "\"params.opt = 'sgd'\" --max 1");
        assertTrue(some.text().contains("Showing runs 1\u20131 of 2; 1 more: %runs \"params.opt = 'sgd'\" --max 1 --page 2 (up to 1,000 a page with --max N)."),
                some.text());
    }

    @Test
    void runsShowFindsARunByNameOrIdPrefixAndShowsItsPage() throws Exception {
        Output page = run("runs", "show \"trial 4\"");
        assertTrue(page.text().startsWith("run_id "), page.text());
        assertTrue(page.text().matches("(?s).*\nname +trial 4\n.*"), page.text());
        assertTrue(page.text().matches("(?s).*\nchildren +1\n.*"), page.text());
        assertTrue(page.html().contains("class=\"jr-spark\""), "a sparkline of loss");
        String id = page.text().lines().findFirst().orElseThrow().substring("run_id".length()).strip();
        assertTrue(run("runs", "show " + id.substring(0, 6)).text().startsWith(page.text().lines().findFirst().orElseThrow() + "\n"));
    }

    @Test
    void runsShowRendersTheNoteAsMarkdownWithItsHtmlAsText() throws Exception {
        String html = run("runs", "show \"trial 3\"").html();
        assertTrue(html.contains("<div class=\"jr-note\"><h1>Findings</h1>\n<p><strong>lr</strong> matters "
                + "&lt;script&gt;alert(1)&lt;/script&gt;</p>"), html);
    }

    @Test
    void compareTakesRunsAndFiltersAndDrawsThePlotsAskedFor() throws Exception {
        Output o = run("compare", "\"trial 1\" \"trial 2\" \"params.opt = 'adam'\" --plot parallel,history --metric loss");
        assertTrue(o.text().startsWith("Comparing 4 runs"), o.text());
        assertTrue(o.html().contains("Parallel coordinates") && o.html().contains("History: loss by step"));
        Output contour = run("compare", "--plots-only --plot contour --x lr --y loss --z loss");
        assertTrue(contour.html().contains("Contour: loss over lr and loss"), contour.html());
    }

    @Test
    void compareIsHeadedByTheExperimentsTheRunsComeFrom() throws Exception {
        Output o = run("compare", AWAY.get(0) + " \"trial 1\"");
        assertTrue(o.text().startsWith("Comparing 2 runs: elsewhere <b>&</b>, views\n"), o.text());
        assertTrue(o.html().contains(">elsewhere &lt;b&gt;&amp;&lt;/b&gt;, views<"), o.html());
        Output one = run("compare", AWAY.get(1) + " " + AWAY.get(2));
        assertTrue(one.text().startsWith("Comparing 2 runs: far 1, far 2\n"), one.text());
        // a filter over two experiments that matches in one of them names that one
        Output filtered = run("compare", "--experiment \"views,far 3\" \"params.opt = 'adam'\"");
        assertTrue(filtered.text().startsWith("Comparing 3 runs: views \u00b7 params.opt = 'adam'\n"), filtered.text());
        Output all = run("compare", String.join(" ", AWAY));
        assertTrue(all.text().startsWith("Comparing 7 runs: elsewhere <b>&</b>, far 1, far 2, far 3, far 4 and 2 more\n"), all.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "runs    | --max 0                  | %runs: --max takes 1 to 1,000 rows a page, not 0 (see more with --page P)",
            "runs    | --page 0                 | %runs: --page counts from 1, not 0",
            "runs    | show                     | %runs show takes one RUN (a run id, a unique id prefix or a run name), e.g. %runs show 3f2a",
            "runs    | show nope                | no run 'nope' (by run id, id prefix or run name in experiment 'views')",
            "runs    | --state gone             | state must be active, deleted or all, got 'gone'",
            "compare | --plot pie               | %compare: unknown --plot 'pie' (expected parallel, scatter, contour, history or none)",
            "compare | --max 5000               | %compare: --max takes 1 to 1,000 runs, not 5000",
            "compare | --plots-only --plot none | %compare: --plots-only needs a --plot",
    })
    void badInputIsAOneLineError(String magic, String line, String message) {
        JrunsException e = assertThrows(JrunsException.class, () -> run(magic, line));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aSharedNameMeansTheNewestOfThoseRunsWithANote() throws Exception {
        SHOWN.clear();
        MAGICS.run(HOST, MagicSpec.Kind.LINE, "compare", "twin \"trial 1\"", null);
        assertEquals(2, SHOWN.size(), "a note, then the comparison");
        assertTrue(SHOWN.get(0).text().startsWith("Note: 2 runs are named 'twin'"), SHOWN.get(0).text());
        assertTrue(SHOWN.get(1).text().startsWith("Comparing 2 runs"), SHOWN.get(1).text());
    }
}
