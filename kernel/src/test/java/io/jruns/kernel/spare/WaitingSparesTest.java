package io.jruns.kernel.spare;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which processes `jruns spares` lists and stops: real processes, real lock and socket files. */
class WaitingSparesTest {
    @TempDir
    Path tmp;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** A process whose command line ends in --spare, as a spare JVM's does, in {@code folder}. */
    private Process process(Path folder, String lastArgument) throws IOException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "sleep 60; :", lastArgument).directory(folder.toFile()).start();
        started.add(p);
        return p;
    }

    /** The files a waiting spare keeps: its lock naming the pid, and its socket. */
    private void waitingAs(Path dir, String key, long pid) throws IOException {
        Files.writeString(dir.resolve(key + ".lock"), String.valueOf(pid));
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(dir.resolve(key + ".sock"))).close();
    }

    @Test
    void listsOnlyLiveSparesThatWaitAndStopsThem() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("spares"));
        Path notebooks = Files.createDirectory(tmp.resolve("notebooks"));
        Process spare = process(notebooks, "--spare");
        waitingAs(dir, "1x1", spare.pid());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        waitingAs(dir, "2x2", gone.pid()); // killed with SIGKILL: its files stayed
        waitingAs(dir, "3x3", process(notebooks, "--not-a-spare").pid()); // a pid reused since
        Files.writeString(dir.resolve("4x4.lock"), ""); // a kernel that was a spare: no pid, no socket

        List<WaitingSpares.Spare> waiting = WaitingSpares.in(dir);
        assertEquals(List.of("1x1"), waiting.stream().map(WaitingSpares.Spare::key).toList());
        WaitingSpares.Spare s = waiting.get(0);
        assertEquals(spare.pid(), s.process().pid());
        assertEquals(notebooks.toRealPath(), s.folder().orElseThrow());
        assertTrue(s.residentBytes().orElseThrow() > 0);
        assertTrue(s.stop(Duration.ofSeconds(10)));
        assertFalse(spare.isAlive());
    }

    @Test
    void theFolderIsLaunchShsAndAMissingOneHoldsNone() throws Exception {
        assertEquals(Path.of("/x"), WaitingSpares.folder(Map.of("JRUNS_SPARE_DIR", "/x", "XDG_RUNTIME_DIR", "/run/user/1")));
        assertEquals(Path.of("/run/user/1/jruns-spares"), WaitingSpares.folder(Map.of("XDG_RUNTIME_DIR", "/run/user/1", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/jruns-spares"), WaitingSpares.folder(Map.of("HOME", "/h")));
        assertEquals(List.of(), WaitingSpares.in(tmp.resolve("none")));
    }
}
