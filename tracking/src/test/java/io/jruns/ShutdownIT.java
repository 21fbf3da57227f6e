package io.jruns;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.domain.ViewType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A program that forgets flush() and endRun() loses nothing: the shutdown hook does both. */
class ShutdownIT {
    private static final int POINTS = 20_000;

    @TempDir
    Path store;

    @ParameterizedTest
    @CsvSource({"exit, 0, FINISHED", "throw, 1, FAILED"})
    void shutdownHookEndsTheRunAndFlushes(String mode, int exitCode, RunStatus status) throws Exception {
        String runId;
        try (ChildJvm child = ChildJvm.start(LoggingChild.class, mode, store.toString(), "" + POINTS)) {
            assertEquals(exitCode, child.waitFor(60), child.output());
            runId = child.awaitLine("RUN ", 1);
            if (mode.equals("throw")) assertTrue(child.output().contains("training diverged"), child.output());
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
            Run run = s.getRun(runId).orElseThrow();
            assertEquals(status, run.info().status());
            List<Metric> h = s.getMetricHistory(runId, "m");
            assertEquals(POINTS, h.size());
            for (int i = 0; i < POINTS; i++) assertEquals(i, h.get(i).step());
        }
    }

    /** Ctrl-C or kill: a run cut short is not reported as complete. */
    @Test
    void aRunStoppedBySigtermEndsKilledWithItsValues() throws Exception {
        String runId;
        try (ChildJvm child = ChildJvm.start(LoggingChild.class, "stopped", store.toString(), "" + POINTS)) {
            runId = child.awaitLine("RUN ", 60);
            child.process.destroy(); // SIGTERM
            assertEquals(143, child.waitFor(60), child.output());
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
            Run run = s.getRun(runId).orElseThrow();
            assertEquals(RunStatus.KILLED, run.info().status());
            assertEquals("the process was stopped by SIGTERM", run.data().tags().get(io.jruns.domain.SystemTags.KILLED_REASON));
            assertEquals(POINTS, s.getMetricHistory(runId, "m").size(), "what was logged before the signal is kept");
        }
    }

    /** Runs ended through a TrackingClient never closed: the writer's exit flush writes their ends. */
    @Test
    void runsEndedThroughAnUnclosedClientAreWrittenAtExit() throws Exception {
        int runs = 2000;
        String exp;
        try (ChildJvm child = ChildJvm.start(LoggingChild.class, "client", store.toString(), "" + runs)) {
            assertEquals(0, child.waitFor(60), child.output());
            exp = child.awaitLine("EXP ", 1);
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
            List<Run> found = s.listRuns(List.of(exp), ViewType.ALL, 10_000);
            assertEquals(runs, found.size());
            for (Run r : found) {
                assertEquals(RunStatus.FINISHED, r.info().status(), r.info().runName());
                int i = Integer.parseInt(r.data().params().get("i"));
                assertEquals(LoggingChild.value(0, i), r.data().metrics().get("m").latest());
            }
        }
    }
}
