package io.jruns;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** flush() then kill -9: every flushed point survives, and the next open ends the run as KILLED. */
class CrashIT {
    private static final int FLUSHED = 30_000;

    @TempDir
    Path store;

    @Test
    void flushedPointsSurviveKillDashNine() throws Exception {
        String runId;
        try (ChildJvm child = ChildJvm.start(LoggingChild.class, "crash", store.toString(), "" + FLUSHED)) {
            runId = child.awaitLine("FLUSHED ", 60);
            Thread.sleep(300); // let it log more, unflushed, so the kill lands mid-logging
            assertTrue(child.process.isAlive(), child.output());
            child.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            int exit = child.waitFor(30);
            assertEquals(137, exit, "killed by signal 9");
            assertFalse(child.output().contains("Exception"), child.output());
        }

        try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
            Run run = s.getRun(runId).orElseThrow();
            assertEquals(RunStatus.KILLED, run.info().status(), "ended by the next open");
            String reason = run.data().tags().get(SystemTags.KILLED_REASON);
            assertNotNull(reason, "the run says why it was ended");
            assertTrue(reason.contains("exited without ending the run"), reason);
            assertNotNull(run.info().endTime());
            assertEquals(String.valueOf(FLUSHED), run.data().params().get("points"));
            assertEquals("flushed", run.data().tags().get("phase"));

            List<Metric> h = s.getMetricHistory(runId, "m");
            assertTrue(h.size() >= FLUSHED, "flushed points lost: only " + h.size());
            // Whatever else made it is a gap-free continuation, and every value is right.
            for (int i = 0; i < h.size(); i++) {
                assertEquals(i, h.get(i).step());
                assertEquals(Double.doubleToLongBits(LoggingChild.value(0, i)), Double.doubleToLongBits(h.get(i).value()));
            }
            assertEquals(h.size(), run.data().metrics().get("m").count(), "summary agrees with history");
        }
        // A second open finds nothing more to end and changes nothing.
        try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
            Run again = s.getRun(runId).orElseThrow();
            assertEquals(RunStatus.KILLED, again.info().status());
            assertNotEquals(null, again.data().tags().get(SystemTags.KILLED_REASON));
        }
    }
}
