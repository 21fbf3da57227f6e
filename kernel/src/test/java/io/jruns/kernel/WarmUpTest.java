package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KernelMain --warm-up} (run by every install to dump the CDS archive) starts and ends a
 * run, on a throw-away store of its own: never the user's store, local or remote, and nothing
 * left behind.
 */
class WarmUpTest {
    @TempDir
    Path dir;

    @Test
    void theWarmUpRunTouchesNoStoreOfTheUserAndLeavesNothing() throws Exception {
        Path home = dir.resolve("home");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), KernelMain.class.getName(), "--warm-up")
                .redirectErrorStream(true);
        pb.environment().put("JRUNS_HOME", home.toString());
        pb.environment().put("MLFLOW_TRACKING_URI", "http://127.0.0.1:9/"); // nothing listens on the discard port
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("warm-up: run ") && out.contains(" FINISHED"), "the warm-up ran a run to its end: " + out);
        assertFalse(Files.exists(home), "the user's JRUNS_HOME is untouched");
        try (Stream<Path> left = Files.list(tmp)) {
            List<String> names = left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("jruns")).toList();
            assertEquals(List.of(), names, "the throw-away store is gone");
        }
    }
}
