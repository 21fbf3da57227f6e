package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aStoreOnAReadOnlyDiskOpensToRead() throws Exception {
        Path mountPoint = Files.createDirectories(tmp.resolve("disk"));
        Assumptions.assumeTrue(mount(mountPoint, "size=8m") == 0, "mounting a tmpfs needs root");
        disk = mountPoint;
        Path home = disk.resolve("home");
        String runId;
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            runId = s.createRun("0", "u", System.currentTimeMillis(), "archived", List.of()).runId();
            s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("lr", "0.1")), List.of()));
            s.logArtifact(runId, Files.writeString(tmp.resolve("notes.txt"), "kept"), null);
        }
        assertEquals(0, mount(mountPoint, "remount,ro"), "remounted read-only");
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            assertEquals("0.1", s.getRun(runId).orElseThrow().data().params().get("lr"));
            assertEquals("kept", Files.readString(s.downloadArtifact(runId, "notes.txt")));
            JrunsException e = assertThrows(JrunsException.class,
                    () -> s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("b", "1")), List.of())));
            assertEquals("the jruns store " + home.resolve("jruns.db") + " is open to read only (its folder " + home
                    + " is not writable): it cannot be changed", e.getMessage());
        }
    }

    private static int mount(Path mountPoint, String options) throws Exception {
        List<String> command = options.startsWith("remount")
                ? List.of("mount", "-o", options, mountPoint.toString())
                : List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
}
