package io.jruns.kernel.spare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpareSpawnerTest {
    @Test
    void theSpareIsThisJvmsCommandWithSpareForTheConnectionFileInItsOwnSession() {
        List<String> expected = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            expected.add("/usr/bin/setsid");
        }
        expected.addAll(List.of("/jdk/bin/java", "-Xmx2g", "-cp", "k.jar", "io.jruns.kernel.KernelMain", "--spare"));
        assertEquals(expected, SpareSpawner.command("/jdk/bin/java", List.of("-Xmx2g", "-cp", "k.jar",
                "io.jruns.kernel.KernelMain", "/run/user/1/jupyter/runtime/kernel-9.json")));
        // a spare's own command line gives the same
        assertEquals(expected, SpareSpawner.command("/jdk/bin/java", List.of("-Xmx2g", "-cp", "k.jar",
                "io.jruns.kernel.KernelMain", "--spare")));
    }

    /** After a failed spare the kernel starts no more; after one that timed out or was killed, it does. */
    @ParameterizedTest(name = "exit {0}: failed {1}")
    @CsvSource({"0, false", "1, true", "2, true", "127, true", "137, false", "143, false"})
    void onlyASpareThatFailedStopsTheNext(int exitValue, boolean failed) {
        assertEquals(failed, SpareSpawner.failed(exitValue));
    }

    @Test
    void withoutItsCommandLineNoSpareIsStarted() {
        assertThrows(IllegalStateException.class, () -> SpareSpawner.command(null, List.of("x")));
        assertThrows(IllegalStateException.class, () -> SpareSpawner.command("/jdk/bin/java", List.of()));
    }
}
