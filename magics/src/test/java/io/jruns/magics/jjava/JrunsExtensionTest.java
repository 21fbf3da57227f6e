package io.jruns.magics.jjava;

import io.jruns.Jruns;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The magics as a ServiceLoader Extension of a stock jjava kernel (one that is not ours). */
class JrunsExtensionTest {
    @TempDir
    Path home;

    /** The smallest jjava kernel: no evaluator, it only collects what is displayed. */
    static final class StockKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        StockKernel() {
            super("stock", "1", new LanguageInfo("java", "17", "text/x-java-source", ".jshell", "java", "java", "script"), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                    new CommManager(), new Renderer(), new MagicParser("%", "%%", new MagicTranspiler()),
                    new MagicsRegistry(), true, new StringStyler.Builder().build());
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }

        @Override
        public Object evalRaw(String code) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }

    @AfterEach
    void endRuns() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    @Test
    void serviceLoaderFindsTheExtensionAndItsMagicsWorkOnAStockKernel() throws Exception {
        Jruns.setTrackingUri(home.toString());
        StockKernel kernel = new StockKernel();
        var found = ServiceLoader.load(org.dflib.jjava.jupyter.Extension.class).stream()
                .map(p -> p.get()).filter(e -> e instanceof JrunsExtension).toList();
        assertEquals(1, found.size());
        found.get(0).install(kernel);
        assertTrue(kernel.getMagicsRegistry().getLineMagicNames().containsAll(List.of("run", "param", "metric", "runs")));
        assertTrue(kernel.getMagicsRegistry().getCellMagicNames().containsAll(List.of("run", "metrics")));

        // jjava splits the words itself; a quoted name with spaces must survive the round trip.
        kernel.getMagicsRegistry().evalLineMagic(kernel, "run", List.of("start", "my run", "--tag", "k=a \"b\""));
        kernel.getMagicsRegistry().evalLineMagic(kernel, "param", List.of("alpha=0.5"));
        kernel.getMagicsRegistry().evalLineMagic(kernel, "run", List.of("end"));
        Run run = Jruns.client().listRuns(Jruns.getExperiment().experimentId()).get(0);
        assertEquals("my run", run.info().runName());
        assertEquals("a \"b\"", run.data().tags().get("k"));
        assertEquals("0.5", run.data().params().get("alpha"));
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertTrue(kernel.shown.size() >= 3, "each magic showed its output");
    }
}
