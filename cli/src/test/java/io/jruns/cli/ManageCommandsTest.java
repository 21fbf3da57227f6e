package io.jruns.cli;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rename, tag, untag, delete, restore (by reference and in bulk by time) and gc, end to end. */
class ManageCommandsTest {
    @TempDir
    Path home;
    Cli cli;
    Seed seed;
    String nested;

    @BeforeEach
    void seed() throws Exception {
        cli = new Cli(home);
        seed = Seed.into(cli);
        try (Store store = cli.openStore()) {
            nested = store.createRun(seed.visionId, "alice", Seed.T0 + 150_000, "cnn-nested",
                    List.of(new RunTag(SystemTags.PARENT_RUN_ID, seed.small))).runId();
        }
        // left RUNNING by a client that died: no owner this process would vouch for (RunsEndOwnerTest)
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET owner_pid = NULL WHERE run_uuid = '" + nested + "'");
        }
    }

    private io.jruns.domain.Run get(String id) {
        try (Store store = cli.openStore()) {
            return store.getRun(id).orElseThrow();
        }
    }

    private LifecycleStage stage(String id) {
        return get(id).info().lifecycleStage();
    }

    @Test
    void renameByNameAndByPrefix() {
        Cli.Result r = cli.run("runs", "rename", "cnn-small", "cnn-tiny");
        assertEquals(0, r.code(), r.toString());
        assertEquals("Renamed run " + seed.small + " to 'cnn-tiny'.\n", r.out());
        assertEquals("cnn-tiny", get(seed.small).data().tags().get(SystemTags.RUN_NAME));
        assertEquals(0, cli.run("runs", "rename", seed.bert.substring(0, 6), "bert-2", "--experiment", "nlp").code());
        assertEquals("bert-2", get(seed.bert).info().runName());
    }

    @Test
    void endARunLeftRunningOnceAndOnlyOnce() {
        long before = System.currentTimeMillis();
        Cli.Result r = cli.run("runs", "end", "cnn-nested");
        assertEquals(0, r.code(), r.toString());
        assertEquals("Ended run " + nested + " as KILLED.\n", r.out());
        io.jruns.domain.RunInfo ended = get(nested).info();
        assertEquals(io.jruns.domain.RunStatus.KILLED, ended.status());
        assertTrue(ended.endTime() >= before, "ended now: " + ended.endTime());
        Cli.Result again = cli.run("runs", "end", nested, "--status", "finished");
        assertEquals(1, again.code(), again.toString());
        assertEquals("jruns: run " + nested + " has already ended (KILLED): nothing to end", again.error());
        assertEquals(ended.endTime(), get(nested).info().endTime(), "its end time is kept");
    }

    @Test
    void tagAndUntagAnEndedRun() {
        assertEquals(0, cli.run("runs", "tag", "bert", "stage=prod", "note=a=b", "empty=").code());
        assertEquals("prod", get(seed.bert).data().tags().get("stage"));
        assertEquals("a=b", get(seed.bert).data().tags().get("note"));
        assertEquals("", get(seed.bert).data().tags().get("empty"));
        Cli.Result r = cli.run("runs", "untag", "bert", "stage", "note");
        assertEquals("Removed from run " + seed.bert + ": stage, note.\n", r.out());
        assertFalse(get(seed.bert).data().tags().containsKey("stage"));
        Cli.Result missing = cli.run("runs", "untag", "bert", "empty", "stage");
        assertEquals(1, missing.code());
        assertEquals("jruns: run '" + seed.bert + "' has no tag 'stage' (nothing was removed)", missing.error());
        assertTrue(get(seed.bert).data().tags().containsKey("empty"), "the key before the missing one is kept");
    }

    @Test
    void deleteTakesDescendantsUnlessKeptAndRestoreBringsThemBack() {
        Cli.Result r = cli.run("runs", "delete", "cnn-small");
        assertEquals("Deleted 2 runs.\n", r.out());
        assertEquals(LifecycleStage.DELETED, stage(nested));
        assertEquals("Restored 2 runs.\n", cli.run("runs", "restore", "cnn-small").out());
        assertEquals(LifecycleStage.ACTIVE, stage(nested));
        assertEquals("Deleted 1 run.\n", cli.run("runs", "delete", "cnn-small", "--keep-descendants").out());
        assertEquals(LifecycleStage.ACTIVE, stage(nested));
        Cli.Result again = cli.run("runs", "delete", "cnn-small");
        assertEquals(1, again.code());
        assertTrue(again.error().startsWith("jruns: no active run 'cnn-small': it is deleted (restore it first)"), again.error());
    }

    @Test
    void bulkByTime() {
        Cli.Result r = cli.run("runs", "delete", "--experiment", "vision", "--before", String.valueOf(Seed.T0 + 120_000));
        assertEquals("Deleted 2 runs.\n", r.out(), r.toString());
        assertEquals(LifecycleStage.DELETED, stage(seed.big));
        assertEquals(LifecycleStage.ACTIVE, stage(nested), "created later");
        Cli.Result back = cli.run("runs", "restore", "--experiment", "vision", "--since", "0", "--max", "1");
        assertEquals("Restored 1 run.\n", back.out());
        assertEquals("", back.err(), "no progress lines for small work");
        // the same forms of time as in a notebook: a date, and an age
        assertEquals("Deleted 1 run.\n", cli.run("runs", "delete", "--experiment", "nlp", "--before", "2999-01-01").out());
        assertEquals("Restored 1 run.\n", cli.run("runs", "restore", "--experiment", "nlp", "--since", "1h").out());
    }

    @Test
    void gcPurgesWhatIsOldEnough() {
        cli.run("runs", "delete", "bert");
        Cli.Result kept = cli.run("gc");
        assertEquals(0, kept.code(), kept.toString());
        assertTrue(kept.out().startsWith("Purged 0 runs deleted before "), kept.out());
        Cli.Result r = cli.run("gc", "--older-than", "0d");
        assertTrue(r.out().startsWith("Purged 1 run deleted before "), r.out());
        try (Store store = cli.openStore()) {
            assertTrue(store.getRun(seed.bert).isEmpty());
        }
    }

    /** gc frees pages the file keeps; --compact gives them back to the disk, the runs left as they were. */
    @Test
    void gcCompactGivesTheSpaceBack() throws Exception {
        try (Store store = cli.openStore()) {
            List<io.jruns.domain.Param> big = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) big.add(new io.jruns.domain.Param("p" + i, "x".repeat(5000)));
            store.logBatch(new io.jruns.domain.LogBatch(seed.bert, List.of(), big, List.of()));
        }
        cli.run("runs", "delete", "bert");
        java.nio.file.Path db = home.resolve("jruns.db");
        Cli.Result r = cli.run("gc", "--older-than", "0d", "--compact");
        assertEquals(0, r.code(), r.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Compacted embedded store .*: ([0-9,]+) bytes given back\\.")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 1_000_000, "1.5 MB of params purged: " + r.out());
        assertTrue(java.nio.file.Files.size(db) < 1_000_000, "the file shrank: " + java.nio.file.Files.size(db));
        try (Store store = cli.openStore()) {
            assertEquals("0.01", store.getRun(seed.small).orElseThrow().data().params().get("lr"), "the other runs are intact");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "runs rename cnn-small                        | runs rename: missing NAME",
            "runs end cnn-nested --status DONE            | runs end: --status must be FINISHED, FAILED or KILLED, not 'DONE'",
            "runs end cnn-nested --status running         | runs end: --status must be FINISHED, FAILED or KILLED, not 'running'",
            "runs tag cnn-small                           | runs tag: missing KEY=VALUE...",
            "runs tag cnn-small novalue                   | runs tag: expected KEY=VALUE, got 'novalue'",
            "runs tag cnn-small =v                        | runs tag: expected KEY=VALUE, got '=v'",
            "runs delete                                  | runs delete: give one or more runs (id, id prefix or name), or --experiment E --before TIME",
            "runs delete --before 5                       | runs delete: --before needs --experiment",
            "runs delete --before soon --experiment nlp   | runs delete: --before takes epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) or an age (30d, 12h, 90m), not 'soon'",
            "runs delete --before -1 --experiment nlp     | runs delete: --before takes epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) or an age (30d, 12h, 90m), not '-1'",
            "runs restore --since 2026-13-01 --experiment nlp | runs restore: --since takes epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) or an age (30d, 12h, 90m), not '2026-13-01'",
            "runs delete bert --before 5 --experiment nlp | runs delete: give runs or --before, not both (got 'bert')",
            "runs delete --before 5 --experiment nlp --keep-descendants | runs delete: --keep-descendants applies to runs given by name or id, not to --before",
            "runs delete bert --max 5                     | runs delete: --max applies to --before only",
            "runs delete --before 5 --experiment nlp --max 0     | runs delete: --max needs a whole number from 1 to 10,000, got '0'",
            "runs delete --before 5 --experiment nlp --max 10001 | runs delete: --max needs a whole number from 1 to 10,000, got '10001'",
            "runs restore --since 5 --experiment nlp --max x     | runs restore: --max needs a whole number from 1 to 10,000, got 'x'",
            "runs restore --since 5                       | runs restore: --since needs --experiment",
            "gc --older-than 30                           | gc: --older-than: a retention period is a whole number and a unit: d (days), h, m or s, e.g. 30d; got '30'",
            "gc --older-than 99999999999d                 | gc: --older-than: a retention period has at most 9 digits, e.g. 30d; got '99999999999d'",
            "gc --older-than -1d                          | gc: --older-than: a retention period is a whole number and a unit: d (days), h, m or s, e.g. 30d; got '-1d'"})
    void badUsageIsExitCodeTwoAndOneLine(String args, String message) {
        Cli.Result r = cli.run(args.split(" "));
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.error().startsWith("jruns: " + message), r.error());
    }

    @Test
    void bulkProgressGoesToStderr() {
        List<String> ids = new ArrayList<>();
        try (Store store = cli.openStore()) {
            String exp = store.createExperiment("big", null, java.util.Map.of());
            for (int i = 0; i < 1500; i++) ids.add(store.createRun(exp, "u", i, null, List.of()).runId());
        }
        Cli.Result r = cli.run("runs", "delete", "--experiment", "big", "--before", "100000");
        assertEquals("Deleted 1,500 runs.\n", r.out());
        assertEquals(List.of("jruns runs delete: 1,000/1,500 runs deleted", "jruns runs delete: 1,500/1,500 runs deleted"),
                r.err().lines().toList());
    }
}
