package io.jruns.kernel.spare;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** This JVM's environment, written as a spare writes it for the notebook it serves. */
class WritableEnvironmentTest {
    private static final String NAME = "JRUNS_JAVA_ENVIRONMENT_TEST";
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    /** A process started without an environment of its own: it inherits libc's. */
    private static String child() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "echo ${" + NAME + "-unset}").start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    @Test
    void whatIsSetIsSeenByGetenvAndByTheProcessesStartedAfterIt() throws Exception {
        WritableEnvironment env = WritableEnvironment.open(tmp).orElseThrow(); // JDK 17 to 23: through Unsafe
        assertEquals(java.util.List.of(), java.util.Arrays.asList(tmp.toFile().list()), "JNA's native part unpacked and gone");
        assertNull(System.getProperty("jna.loaded"), "JNA's properties are put back");
        assertNull(System.getProperty("jna.tmpdir"));
        try {
            env.apply(Map.of(NAME, "b.ipynb"));
            assertEquals("b.ipynb", System.getenv(NAME));
            assertEquals("b.ipynb", System.getenv().get(NAME));
            assertEquals("b.ipynb", new ProcessBuilder().environment().get(NAME), "a process given an environment");
            assertEquals("b.ipynb", child(), "a process that inherits the JVM's own");
            Map<String, String> gone = new HashMap<>();
            gone.put(NAME, null);
            env.apply(gone);
            assertNull(System.getenv(NAME));
            assertNull(new ProcessBuilder().environment().get(NAME));
            assertEquals("unset", child());
            assertNull(System.getenv("JRUNS_SPARE_PROBE"), "the probe is taken back");
        } finally {
            Map<String, String> gone = new HashMap<>();
            gone.put(NAME, null);
            env.apply(gone);
        }
    }
}
