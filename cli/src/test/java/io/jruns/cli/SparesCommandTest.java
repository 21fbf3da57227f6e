package io.jruns.cli;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jruns spares against a folder holding one waiting spare: a real process, lock and socket. */
class SparesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsTheWaitingSpareThenStopsIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("spares"));
        Process spare = new ProcessBuilder("/bin/sh", "-c", "sleep 60; :", "--spare").directory(tmp.toFile()).start();
        try {
            Files.writeString(dir.resolve("7x7.lock"), String.valueOf(spare.pid()));
            ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(dir.resolve("7x7.sock"))).close();
            Cli cli = new Cli(tmp.resolve("home")).env("JRUNS_SPARE_DIR", dir.toString());

            Cli.Result list = cli.run("spares");
            assertEquals(0, list.code(), list.toString());
            String row = list.out().lines().filter(l -> l.startsWith(String.valueOf(spare.pid()))).findFirst().orElseThrow();
            assertTrue(row.contains(tmp.toRealPath().toString()) && row.contains(" MB") && row.endsWith("7x7"), list.out());

            Cli.Result stop = cli.run("spares", "--stop");
            assertEquals(0, stop.code(), stop.toString());
            assertTrue(stop.out().startsWith("Stopped 1 spare kernel ("), stop.out());
            assertFalse(spare.isAlive());
            assertEquals("No spare kernel waits in " + dir + ".\n", cli.run("spares").out());
        } finally {
            spare.destroyForcibly();
        }
    }
}
