package io.jruns.magics.line;

import io.jruns.magics.MagicsOnStore;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.RunContext;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.magics.notebook.NotebookRunContext;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run magics against a real store in a temporary folder. */
class RunMagicsTest extends MagicsOnStore {
    RunMagicsTest() {
        super("magics");
    }

    void cell(String name, String args, String body) throws Exception {
        magics.run(host, MagicSpec.Kind.CELL, name, args, body);
    }

    @Test
    void startLogAndEndARunWithLineMagics() throws Exception {
        line("run", "start \"my run\" --tag team=\"a b\" --note \"first try\"");
        line("param", "alpha=0.5 layers=3");
        line("metric", "loss=0.25 acc=NaN --step 4");
        line("tag", "stage=dev");
        line("tag", "--delete team");
        Run run = active();
        assertEquals("my run", run.info().runName());
        assertEquals("0.5", run.data().params().get("alpha"));
        assertEquals(0.25, run.data().metrics().get("loss").latest());
        assertEquals(4, run.data().metrics().get("loss").latestStep());
        assertTrue(Double.isNaN(run.data().metrics().get("acc").latest()));
        assertEquals("first try", run.data().tags().get(SystemTags.NOTE));
        assertEquals("dev", run.data().tags().get("stage"));
        assertFalse(run.data().tags().containsKey("team"));
        line("run", "end --status KILLED");
        assertEquals(RunStatus.KILLED, Jruns.client().getRun(run.runId()).info().status());
        assertTrue(Jruns.activeRun().isEmpty());
        assertTrue(host.lastText().contains("KILLED"), host.lastText());
    }

    @Test
    void aNotebookTheKernelCannotNameLeavesNoSourceAndSaysHowToSetIt() throws Exception {
        Jruns.setRunContext(new NotebookRunContext(Optional::empty, "test"));
        try {
            line("run", "start");
            assertEquals(RunMagic.UNKNOWN_SOURCE, host.lastText());
            assertFalse(active().data().tags().containsKey(SystemTags.SOURCE_NAME), active().data().tags().toString());
            line("run", "end");
            Path nb = Files.writeString(home.resolve("a.ipynb"), "{}");
            Jruns.setRunContext(new NotebookRunContext(() -> Optional.of(nb), "test"));
            line("run", "start");
            assertEquals(nb.toString(), active().data().tags().get(SystemTags.SOURCE_NAME));
            assertFalse(host.lastText().contains("no source notebook"), host.lastText());
        } finally {
            Jruns.setRunContext(RunContext.installed());
        }
    }

    @Test
    void anEmptyNameGetsAGeneratedOne() throws Exception {
        line("run", "start \"\"");
        String name = active().info().runName();
        assertTrue(name != null && !name.isBlank() && !name.equals(active().runId()), name);
        assertFalse(host.lastText().contains("  "), host.lastText());
    }

    @Test
    void nestedRunsNeedTheFlag() throws Exception {
        line("run", "start parent");
        String parent = Jruns.activeRun().orElseThrow().runId();
        JrunsException e = assertThrows(JrunsException.class, () -> line("run", "start child"));
        assertTrue(e.getMessage().contains("already active"), e.getMessage());
        line("run", "start child --nested");
        assertEquals(parent, active().parentRunId().orElseThrow());
    }

    @Test
    void runCellFinishesOrFailsWithTheCell() throws Exception {
        host.cell("ok", () -> 42).cell("boom", () -> {
            throw new IllegalStateException("boom");
        });
        cell("run", "good", "ok");
        Run good = Jruns.client().listRuns(Jruns.getExperiment().experimentId()).get(0);
        assertEquals(RunStatus.FINISHED, good.info().status());
        assertEquals("good", good.info().runName());
        assertThrows(IllegalStateException.class, () -> cell("run", "bad", "boom"));
        Run bad = Jruns.client().listRuns(Jruns.getExperiment().experimentId()).stream()
                .filter(r -> r.info().runName().equals("bad")).findFirst().orElseThrow();
        assertEquals(RunStatus.FAILED, bad.info().status());
        assertTrue(Jruns.activeRun().isEmpty(), "the failed cell's run is not left active");
    }

    @Test
    void metricsCellLogsTheNumericVariablesItAssigned() throws Exception {
        String body = "double rmse = 0.5; int n = 3; String label = \"x\"; boolean ok = true; long total = n * 2;";
        host.variables.put("rmse", 0.5);
        host.variables.put("n", 3);
        host.variables.put("label", "x");
        host.variables.put("ok", true);
        host.variables.put("total", 6L);
        host.variables.put("untouched", 9.0);
        host.cell(body, () -> null);
        line("run", "start m");
        cell("metrics", "--prefix final_ --step 2", body);
        Run run = active();
        assertEquals(java.util.Set.of("final_rmse", "final_n", "final_total"), run.data().metrics().keySet());
        assertEquals(2, run.data().metrics().get("final_n").latestStep());
    }

    @Test
    void artifactIsStoredUnderTheRun() throws Exception {
        Path file = Files.writeString(home.resolve("report.txt"), "hello");
        line("run", "start a");
        line("artifact", file + " --to reports");
        assertEquals("reports/report.txt",
                Jruns.client().listArtifacts(Jruns.activeRun().orElseThrow().runId(), "reports").get(0).path());
    }

    @ParameterizedTest(name = "[{index}] %{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "run      | bogus                | %run: unknown action 'bogus' (expected start or end)",
            "run      | end                  | %run end: no active run",
            "run      | end --status RUNNING | %run end: --status must be FINISHED, FAILED or KILLED, not RUNNING",
            "run      | end --status DONE    | %run end: --status must be FINISHED, FAILED or KILLED, not DONE",
            "tag      | --delete team        | %tag --delete: no active run to delete tags from (start one with %run start)",
            "param    | ''                   | %param: give at least one KEY=VALUE",
            "param    | novalue              | %param: expected KEY=VALUE, got 'novalue'",
            "metric   | loss=abc             | %metric: value of 'loss' is not a number: 'abc'",
            "metric   | loss=1 --step x      | %metric: --step takes a whole number, not 'x'",
            "metric   | y=1e400              | %metric: value of 'y' is beyond a double's range: '1e400' (write Infinity or -Infinity for those)",
            "tag      | --delete             | %tag --delete: name the tags to delete",
            "note     | ''                   | %note: give the note's text",
            "artifact | /no/such/file        | %artifact: no such file or folder: /no/such/file",
            "experiment | a b                | %experiment takes one name; quote a name with spaces: %experiment \"my exp\"",
            "runs     | params.opt = 'sgd'   | expected a quoted string after =, found 'sgd' (column 14); %runs reads an unquoted filter as words and drops their quotes: write the whole filter in double quotes, e.g. %runs \"params.opt = 'sgd'\"",
            "runs     | \"params.opt = sgd\"   | expected a quoted string after =, found 'sgd' (column 14)",
            "runs     | --order-by metrics.loss DESC | %runs: the filter \"DESC\" does not parse: expected an identifier such as metrics.loss, params.lr or status, found DESC (column 1); --order-by takes one word: quote the order, --order-by \"metrics.loss DESC\"",
            "runs     | --order-by \"metrics.loss DESC\" start_time | %runs: the filter \"start_time\" does not parse: expected an operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN or IS [NOT] NULL) after attributes.start_time, found the end of the expression (column 11); --order-by takes one word: quote the order, --order-by \"metrics.loss DESC, start_time\"",
            "runs     | \"metrics.r2 > 0.3\" --order-by metrics.loss DESC | %runs: the filter \"metrics.r2 > 0.3 DESC\" does not parse: expected AND, OR or the end of the filter, found DESC (column 18); --order-by takes one word: quote the order, --order-by \"metrics.loss DESC\"",
            "runs     | --order-by metrics.loss asc \"params.opt = 'sgd'\" | %runs: the filter \"asc params.opt = 'sgd'\" does not parse: expected an identifier such as metrics.loss, params.lr or status, found ASC (column 1); --order-by takes one word: quote the order, --order-by \"metrics.loss asc\"",
            "runs     | \"metrics.loss >\" --order-by start_time | expected a number after >, found the end of the expression (column 15)",
            "runs     | --created soon       | %runs: --created takes epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) or an age (30d, 12h, 90m), not 'soon'",
            "runs     | \"params.x =\" --created 1d | expected a quoted string after =, found the end of the expression (column 11)",
            "runs     | --experiment nosuchexp | experiment 'nosuchexp' does not exist (by name or id) in embedded store {home}/jruns.db",
            "compare  | --experiment magics,nope | experiment 'nope' does not exist (by name or id) in embedded store {home}/jruns.db",
    })
    void badInputIsOneClearLine(String magic, String args, String message) {
        JrunsException e = assertThrows(JrunsException.class, () -> line(magic, args));
        assertEquals(message.replace("{home}", home.toString()), e.getMessage());
        assertTrue(Jruns.activeRun().isEmpty(), "a refused magic leaves no run behind");
    }

    @Test
    void runsCreatedSinceATimeAreTheOnesShownAndEveryPageKeepsThatTime() throws Exception {
        line("run", "start early-run");
        line("run", "end");
        line("run", "start later-run");
        line("run", "end");
        long since = System.currentTimeMillis() + 60_000;
        line("runs", "--created 1d --max 1");
        String html = host.shown.get(host.shown.size() - 1).html();
        assertTrue(html.contains("later-run") && html.contains("started since"), html);
        // page 2's line carries the time itself: an age would move between the pages
        assertTrue(java.util.regex.Pattern.compile("--page 2[^<]*--created \\d{13}").matcher(html).find(), html);
        line("runs", "--created " + since);
        assertFalse(host.shown.get(host.shown.size() - 1).html().contains("early-run"), "started before the time");
    }

    @Test
    void runsTableListsTheExperimentsRuns() throws Exception {
        line("run", "start \"<b>bold</b>\"");
        line("param", "p=1");
        line("run", "end");
        line("runs", "");
        String html = host.shown.get(host.shown.size() - 1).html();
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>bold</b>"), html);
    }
}
