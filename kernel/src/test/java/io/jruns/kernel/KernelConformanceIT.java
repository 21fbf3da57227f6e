package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jruns.kernel.testing.Jupyter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs Jupyter's kernel conformance suite (jupyter_kernel_test) and our protocol checks
 * (src/test/python/kernel_conformance.py) against the installed kernelspec.
 */
class KernelConformanceIT {

    @Test
    void jupyterKernelTestSuitePasses() throws Exception {
        suitePasses(Jupyter.KERNEL_NAME);
    }

    /**
     * Also on the machine's newest JDK, if 20 or later: there {@code Thread.stop} throws, and
     * an interrupted busy loop must be stopped another way (InProcessExecutionControl).
     */
    @Test
    void andOnJdk20OrLater() throws Exception {
        suitePasses(Jupyter.kernelOnJdk(20));
    }

    private static void suitePasses(String kernel) throws Exception {
        Path pythonTests = Path.of("src", "test", "python").toAbsolutePath();
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(), "-m", "unittest", "-v", "kernel_conformance"), pythonTests);
        pb.environment().put("JRUNS_KERNEL_NAME", kernel);
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(5));
        String out = r.output();
        assertEquals(0, r.exitCode(), "conformance suite failed:\n" + out);
        Matcher ran = Pattern.compile("Ran (\\d+) tests").matcher(out);
        assertTrue(ran.find(), out);
        assertTrue(Integer.parseInt(ran.group(1)) >= 18, "expected the whole suite to run:\n" + out);
        for (String test : List.of("test_execute_result", "test_execute_stdout", "test_execute_stderr", "test_completion",
                "test_inspect", "test_is_complete", "test_error", "test_kernel_info", "test_display_data",
                "test_interrupt_stops_busy_loop_and_kernel_survives", "test_cell_id_from_request_metadata_reaches_the_kernel")) {
            assertTrue(Pattern.compile(test + " \\(.*\\) \\.\\.\\. ok").matcher(out).find(), test + " did not pass:\n" + out);
        }
        assertFalse(out.contains("FAILED"), out);
    }
}
