package io.jruns.cli;

import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import io.jruns.internal.rest.FakeServerAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jruns copy reads from a store that is there, and never from the store it writes to. */
class CopyCommandTest {
    @TempDir
    Path dir;

    private static int runs(Store s) {
        return s.listExperiments(ViewType.ALL).stream()
                .mapToInt(e -> s.listRuns(List.of(e.experimentId()), ViewType.ALL, 1000).size()).sum();
    }

    @Test
    void aSourceThatIsNoStoreIsAOneLineErrorAndNothingIsCreated() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        Path typo = dir.resolve("tpyo");
        Cli.Result r = a.run("copy", "--from", typo.toString(), "--to", dir.resolve("c").toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("jruns: copy: no jruns store at " + typo + " (for an MLflow export folder use jruns import)", r.error());
        assertFalse(Files.exists(typo), "no store made at the typo");
        assertFalse(Files.exists(dir.resolve("c")), "nor at the target, as nothing was copied");
        Cli.Result db = a.run("copy", "--from", "sqlite:///" + dir.resolve("nope.db"), "--to", dir.resolve("c").toString());
        assertTrue(db.error().startsWith("jruns: copy: no jruns store at sqlite:///" + dir.resolve("nope.db")), db.error());

        try (Store s = a.openStore()) {
            new Seed(s);
        }
        Path export = dir.resolve("export");
        assertEquals(0, a.run("export", "--to", export.toString()).code());
        Cli.Result mlruns = a.run("copy", "--from", export.toString(), "--to", dir.resolve("c").toString());
        assertEquals(1, mlruns.code(), mlruns.toString());
        assertTrue(mlruns.error().contains("use jruns import"), mlruns.error());
        assertFalse(Files.exists(export.resolve("jruns.db")), "the export folder is left as it was");
    }

    @Test
    void copyingAStoreIntoItselfIsRefusedHoweverItIsSpelled() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            new Seed(s);
        }
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a"));
        String store = dir.resolve("a").toString();
        for (String to : List.of(store, store + "/", dir.resolve("a/../a").toString(), "sqlite:///" + dir.resolve("a/jruns.db"),
                link.toString())) {
            Cli.Result r = a.run("copy", "--from", store, "--to", to);
            assertEquals(1, r.code(), to + ": " + r);
            assertTrue(r.error().startsWith("jruns: copy: --from and --to are the same store ("), r.error());
        }
        try (Store s = a.openStore()) {
            assertEquals(3, runs(s), "nothing duplicated");
        }
        assertEquals(0, a.run("copy", "--from", store, "--to", dir.resolve("b").toString()).code(), "another store is fine");
    }

    @Test
    void runsTheServerRefusesAreListedAndTheCopyFailsAfterCopyingTheOthers() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            String exp = s.createExperiment("exp", null, java.util.Map.of());
            for (String key : List.of("lr", "val:acc", "lr")) { // ':' is a legal key for jruns, not for MLflow 2's server
                String id = s.createRun(exp, "ann", 1_000, "with " + key, List.of()).runId();
                s.logBatch(new io.jruns.domain.LogBatch(id, List.of(), List.of(new io.jruns.domain.Param(key, "1")), List.of()));
                s.updateRun(id, io.jruns.domain.RunStatus.FINISHED, 2_000L, null);
            }
        }
        try (FakeServerAccess server = new FakeServerAccess(dir.resolve("server-home"))) {
            Cli.Result r = a.run("copy", "--from", dir.resolve("a").toString(), "--to", server.url());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.out().startsWith("Copied 2 runs ") && r.out().contains("; 1 run failed"), r.out());
            List<String> err = r.err().lines().filter(l -> !l.startsWith("jruns copy: ")).toList(); // progress lines aside
            assertEquals(2, err.size(), r.err());
            assertTrue(err.get(0).matches("  run [0-9a-f]{32} \\('with val:acc'\\): .*val:acc.*"), err.get(0));
            assertTrue(err.get(1).startsWith("jruns: copy: 1 run failed (above;") && err.get(1).endsWith("copy again retries them"),
                    err.get(1));
            assertEquals(3, server.runCount(), "the failed one's copy is there, marked incomplete and deleted");
        }
    }

    @Test
    void aServerThatDoesNotAnswerSaysTheCopyCanGoOn() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            s.createRun(s.createExperiment("exp", null, java.util.Map.of()), "ann", 1_000, "r", List.of());
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again: nothing answers there
        }
        Cli.Result r = a.run("copy", "--from", dir.resolve("a").toString(), "--to", "http://127.0.0.1:" + port);
        assertEquals(1, r.code(), r.toString());
        String last = r.err().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.startsWith("jruns: copy stopped: ") && last.endsWith(
                "; the runs copied so far are kept, and running the same copy again goes on from there"), r.err());
    }

    @Test
    void copyingBackIntoTheOriginalStoreAddsNothing() throws Exception {
        Cli a = new Cli(dir.resolve("a"));
        try (Store s = a.openStore()) {
            new Seed(s);
        }
        String b = "sqlite:///" + dir.resolve("b/jruns.db");
        assertEquals(0, a.run("copy", "--from", dir.resolve("a").toString(), "--to", b).code());
        Cli.Result back = a.run("copy", "--from", b, "--to", dir.resolve("a") + "/");
        assertEquals(0, back.code(), back.toString());
        assertTrue(back.out().startsWith("Copied 0 runs ") && back.out().contains("; 3 already there, skipped"), back.out());
        try (Store s = a.openStore()) {
            assertEquals(3, runs(s), "nothing duplicated");
        }
    }
}
