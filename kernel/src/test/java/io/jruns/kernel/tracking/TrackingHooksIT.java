package io.jruns.kernel.tracking;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
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
 * Runs left open when the kernel restarts or shuts down end as KILLED, with everything the
 * cells logged kept, and the JupyterLab cells that logged to a run recorded on it.
 */
class TrackingHooksIT {
    @TempDir
    Path dir;

    @Test
    void restartAndShutdownEndOpenRunsAsKilled() throws Exception {
        Path home = dir.resolve("home");
        Path prefix = dir.resolve("prefix");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).env("JRUNS_HOME", home.toString()).build(),
                prefix.resolve("share/jupyter/kernels/jruns-tracking"));
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/tracking_session.py").toAbsolutePath().toString(), "jruns-tracking"), dir);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("TRACKING-SESSION-OK"), r.output());

        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            List<Run> runs = store.listRuns(List.of("0"), ViewType.ALL, 10);
            assertEquals(2, runs.size(), "no notebook path is known here, so runs go to Default");
            for (Run run : runs) assertEquals(RunStatus.KILLED, run.info().status(), run.info().runName());
            Run first = runs.stream().filter(x -> x.info().runName().equals("left open")).findFirst().orElseThrow();
            assertEquals(0.5, first.data().metrics().get("loss").latest());
            assertEquals(0.9, first.data().metrics().get("acc").latest());
            assertEquals("c-1", first.data().tags().get(SystemTags.NOTEBOOK_START_CELL_ID));
            assertEquals("c-1,c-2", first.data().tags().get(SystemTags.NOTEBOOK_CELL_IDS));
            assertEquals("NOTEBOOK", first.data().tags().get("mlflow.source.type"));
        }
    }
}
