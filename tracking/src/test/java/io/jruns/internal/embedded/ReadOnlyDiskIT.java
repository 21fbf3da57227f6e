package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A store on a disk mounted read-only (a shared archive, a colleague's folder): it opens to read,
 * with its artifacts, and a write says why not. On a real read-only tmpfs, which needs root.
 */
class ReadOnlyDiskIT {
    @TempDir
    Path tmp;
    private Tmpfs disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) disk.close();
    }

    @Test
    void aStoreOnAReadOnlyDiskOpensToRead() throws Exception {
        disk = Tmpfs.mount(tmp, "8m");
        Path home = disk.root.resolve("home");
        String runId;
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            runId = s.createRun("0", "u", System.currentTimeMillis(), "archived", List.of()).runId();
            s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("lr", "0.1")), List.of()));
            s.logArtifact(runId, Files.writeString(tmp.resolve("notes.txt"), "kept"), null);
        }
        disk.readOnly();
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            assertEquals("0.1", s.getRun(runId).orElseThrow().data().params().get("lr"));
            assertEquals("kept", Files.readString(s.downloadArtifact(runId, "notes.txt")));
            JrunsException e = assertThrows(JrunsException.class,
                    () -> s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("b", "1")), List.of())));
            assertEquals("the jruns store " + home.resolve("jruns.db") + " is open to read only (its folder " + home
                    + " is not writable): it cannot be changed", e.getMessage());
        }
    }
}
