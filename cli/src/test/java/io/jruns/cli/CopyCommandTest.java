package io.jruns.cli;

import io.jruns.domain.ViewType;
import io.jruns.store.Store;
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
}
