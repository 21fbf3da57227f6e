package io.jruns.magics.line;

import io.jruns.magics.MagicsOnStore;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** %runs rename/tag/untag/delete/restore/csv on a real store. */
class RunsManageTest extends MagicsOnStore {
    RunsManageTest() {
        super("manage");
    }

    void runs(String args) throws Exception {
        magics.run(host, MagicSpec.Kind.LINE, "runs", args, null);
    }

    Run run(String id) {
        return Jruns.client().getRun(id);
    }

    @Test
    void renameTagUntagDeleteRestoreAndCsvByRunNameOrPrefix() throws Exception {
        String a;
        try (var r = Jruns.startRun("alpha")) {
            r.logParam("lr", 0.1).logMetric("rmse", 0.5).setTag("team", "x");
            a = r.runId();
        }
        String child;
        try (var parent = Jruns.startRun("beta"); var c = Jruns.startRun(io.jruns.RunOptions.builder().name("kid").nested(true).build())) {
            child = c.runId();
        }
        runs("rename alpha \"alpha one\"");
        assertEquals("alpha one", run(a).info().runName());
        runs("tag " + a.substring(0, 8) + " stage=prod owner=\"me too\"");
        assertEquals("me too", run(a).data().tags().get("owner"));
        runs("untag \"alpha one\" team");
        assertTrue(!run(a).data().tags().containsKey("team"));

        runs("delete beta");
        assertEquals(LifecycleStage.DELETED, run(child).info().lifecycleStage(), "descendants go with their parent");
        runs("restore beta");
        assertEquals(LifecycleStage.ACTIVE, run(child).info().lifecycleStage(), "and come back with it");

        Path csv = home.resolve("runs.csv");
        runs("csv \"params.lr = '0.1'\" --to " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status,lr,rmse", lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(host.lastText().startsWith("wrote 1 run(s)"), host.lastText());
        runs("csv \"params.lr = '0.1'\" --created 1d --to " + csv);
        assertTrue(host.lastText().startsWith("wrote 1 run(s)"), "started within a day: " + host.lastText());
        runs("csv --created " + (System.currentTimeMillis() + 60_000) + " --to " + csv);
        assertTrue(host.lastText().startsWith("wrote 0 run(s)"), "none started since: " + host.lastText());

        runs("delete --before " + (System.currentTimeMillis() + 1000) + " --max 10");
        assertTrue(host.lastText().startsWith("deleted 3 run(s)"), host.lastText());
        runs("restore --since 1h");
        assertTrue(host.lastText().startsWith("restored 3 run(s)"), host.lastText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rename onlyone", "tag r", "untag r", "delete", "restore", "csv", "delete x --before soon"})
    void misuseIsOneClearLine(String args) {
        JrunsException e = assertThrows(JrunsException.class, () -> runs(args));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("usage: ") || e.getMessage().startsWith("%runs"), e.getMessage());
    }

    /** The cutoff as a date-time with its offset, whatever form it was given in (an age said nothing of when). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "delete --before 1700000000000     | deleted 0 run(s) created at or before {1700000000000}",
            "restore --since 1700000000000     | restored 0 run(s) deleted at or after {1700000000000}",
            "delete --before 2023-11-14T22:13  | deleted 0 run(s) created at or before {2023-11-14T22:13}",
            "delete --before 30d               | deleted 0 run(s) created at or before {30d}",
            "restore --since 2h                | restored 0 run(s) deleted at or after {2h}",
    })
    void bulkDeleteAndRestoreSayTheCutoffAsADateTime(String args, String said) throws Exception {
        String typed = said.substring(said.indexOf('{') + 1, said.length() - 1);
        long before = System.currentTimeMillis();
        runs(args);
        long cutoff = RunsManage.time(typed, "before");
        String expected = said.substring(0, said.indexOf('{'));
        String shown = host.lastText();
        assertTrue(shown.startsWith(expected), shown);
        String when = shown.substring(expected.length());
        assertTrue(when.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}"), when);
        long read = java.time.OffsetDateTime.parse(when, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"))
                .toInstant().toEpochMilli();
        // an age counts back from when it ran, a second or so before the test's own reading
        assertTrue(Math.abs(read - cutoff) < 1000 + (System.currentTimeMillis() - before), when + " vs " + cutoff);
    }

    @Test
    void timesReadAsMillisDatesOrAges() {
        assertEquals(1_700_000_000_000L, RunsManage.time("1700000000000", "before"));
        long day = RunsManage.time("1d", "before");
        assertTrue(Math.abs(System.currentTimeMillis() - 86_400_000L - day) < 5_000);
        assertTrue(RunsManage.time("2026-11-01", "before") < RunsManage.time("2026-11-01T09:30", "before"));
        JrunsException e = assertThrows(JrunsException.class, () -> RunsManage.time("yesterday", "since"));
        assertTrue(e.getMessage().contains("--since takes"), e.getMessage());
    }
}
