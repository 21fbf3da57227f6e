package io.jruns.cli;

import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jruns copy reads from a store that is there. */
class CopyCommandTest {
    @TempDir
    Path dir;

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
}
