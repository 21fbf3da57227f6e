package io.jruns.kernel.doc;

import io.jruns.kernel.testing.Jupyter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shift-Tab in a real kernel (src/test/python/inspect_session.py): jruns's API shows its Javadoc
 * from the sources the kernel carries; the JDK's shows where that JDK has lib/src.zip (Temurin
 * here), and signatures alone where it does not (this machine's JDK 17, whose src.zip link is dangling).
 */
class InspectionIT {
    @TempDir
    Path dir;

    @Test
    void onTheDefaultJdk() throws Exception {
        String out = session(Jupyter.KERNEL_NAME);
        boolean srcZip = Files.isReadable(Path.of(System.getProperty("java.home"), "lib", "src.zip"));
        assertTrue(out.contains("src.zip=" + (srcZip ? "yes" : "no")), "the kernel runs on the tests' JDK:\n" + out);
    }

    @Test
    void onTheNewestJdk() throws Exception {
        session(Jupyter.kernelOnJdk(20));
    }

    private String session(String kernel) throws Exception {
        Jupyter.prefix();
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/inspect_session.py").toAbsolutePath().toString(), kernel), dir);
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("INSPECT-SESSION-OK"), r.output());
        return r.output();
    }
}
