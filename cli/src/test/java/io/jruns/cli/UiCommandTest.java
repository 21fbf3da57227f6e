package io.jruns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jruns ui's arguments, checked before anything is served (the server itself: UiCommandIT). */
class UiCommandTest {
    @TempDir
    Path home;

    @Test
    void aBadPortIsAUsageError() {
        for (String bad : new String[]{"-1", "65536", "web"}) {
            Cli.Result r = new Cli(home).run("ui", "--port", bad, "--no-browser");
            assertEquals(2, r.code(), r.toString());
            assertEquals("jruns: ui: --port takes 0 to 65535 (0 picks a free port), not '" + bad + "'\n", r.err());
        }
    }

    @Test
    void helpSaysWhyTheDefaultPortAndThatTheTokenIsNeeded() {
        Cli.Result r = new Cli(home).run("help", "ui");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("default 5055") && r.out().contains("MLflow's 5000"), r.out());
        assertTrue(r.out().contains("token"), r.out());
    }

    @Test
    void onlyLoopbackAddressesGoWithoutAWarning() {
        assertTrue(UiCommand.loopback("127.0.0.1"));
        assertTrue(UiCommand.loopback("localhost"));
        assertTrue(UiCommand.loopback("::1"));
        assertFalse(UiCommand.loopback("0.0.0.0"));
        assertFalse(UiCommand.loopback("192.0.2.1"));
    }
}
