package io.jruns.kernel.magic;

import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {expression} in a line magic is evaluated in the notebook's JShell, in a real kernel: the
 * values reach the store, and a line whose expression fails is refused, naming it, and logs nothing.
 */
class LineExpressionsIT {
    @TempDir
    Path dir;

    @Test
    void expressionsInALineMagicAreJavaInTheNotebook() throws Exception {
        Path home = dir.resolve("home");
        Path prefix = dir.resolve("prefix");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).env("JRUNS_HOME", home.toString()).build(),
                prefix.resolve("share/jupyter/kernels/jruns-expressions"));
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/expression_session.py").toAbsolutePath().toString(), "jruns-expressions"), dir);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("EXPRESSION-SESSION-OK"), r.output());

        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            List<Run> runs = store.listRuns(List.of("0"), ViewType.ALL, 10);
            assertEquals(1, runs.size());
            Run run = runs.get(0);
            assertEquals("my run 0.02", run.info().runName());
            assertEquals(Map.of("lr", "0.02", "a", "3", "raw", "0.01", "json", "{k:1}", "n", "[10, 20]"), run.data().params(),
                    "nothing of the refused line (d) is logged");
            assertEquals("{nope}", run.data().tags().get("kept"), "braces that do not compile are kept as typed");
            assertEquals("{\"a\":1}", run.data().tags().get("cfg"));
        }
    }
}
