package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jruns.kernel.testing.Jupyter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cell output through a real kernel and jupyter_client (src/test/python/stream_session.py,
 * which prints the message counts and delays it saw).
 */
class StreamOutputIT {

    /**
     * 20,000 and 200,000 printed lines all arrive, in order: one iopub message per line overran
     * the PUB socket's high-water mark and lost about half of them, and the idle status, silently.
     * stdout, stderr, display and the result keep the order they were printed in.
     */
    @Test
    void longOutputArrivesWholeAndInOrder() throws Exception {
        session("long");
    }

    /** Text held back to be joined still shows promptly: a slow loop's lines, and print without newline. */
    @Test
    void slowLoopShowsEachPiecePromptly() throws Exception {
        session("slow");
    }

    private static void session(String check) throws Exception {
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/stream_session.py").toAbsolutePath().toString(), Jupyter.KERNEL_NAME, check),
                Path.of("target").toAbsolutePath());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(5));
        System.out.println(r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("STREAM-SESSION-OK"), r.output());
    }
}
