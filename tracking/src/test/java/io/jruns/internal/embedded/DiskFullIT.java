package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk: the store still opens to read (a user must see runs to choose what to delete),
 * though opening wants to write (a dead run to end), and writes wait for space. On a real
 * filesystem: a 4 MB tmpfs, which needs root to mount.
 */
class DiskFullIT {
    @TempDir
    Path tmp;
    private Tmpfs disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) disk.close();
    }

    @Test
    void aFullDiskLeavesTheStoreReadable() throws Exception {
        disk = Tmpfs.mount(tmp, "4m");
        Path home = disk.root.resolve("home");
        String runId;
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            runId = s.createRun("0", "u", System.currentTimeMillis() - 60_000, "cut-off", List.of()).runId();
            s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("lr", "0.1")), List.of()));
        }
        // its process is gone: the next open wants to end it KILLED, a write
        LivenessTest.setOwner(home, runId, Liveness.HOST, Integer.MAX_VALUE, 0, System.currentTimeMillis() - 60_000);
        Path filler = disk.root.resolve("filler");
        fill(filler);
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            assertEquals("0.1", s.getRun(runId).orElseThrow().data().params().get("lr"), "the runs can be read");
            assertEquals(1, s.listRuns(List.of("0"), io.jruns.domain.ViewType.ALL, 10).size());
            RuntimeException refused = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 200; i++) {
                    s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("p" + i, "x".repeat(6000))), List.of()));
                }
            }, "writes fail while the disk is full");
            assertTrue(String.valueOf(refused.getMessage()).contains("full"), String.valueOf(refused.getMessage()));
        }
        Files.delete(filler);
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            assertEquals(RunStatus.KILLED, s.getRun(runId).orElseThrow().info().status(), "with space again, opening ends it");
        }
    }

    /** Fills the disk, then frees a little: enough for SQLite's shared-memory file, not for a transaction. */
    private static void fill(Path filler) throws IOException {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, written - 40 * 1024));
        }
    }
}
