package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two JVMs log to the same new store at the same time: no errors, nothing lost. */
class ConcurrencyIT {
    private static final int POINTS = 50_000;

    @TempDir
    Path tmp;

    @Test
    void twoProcessesLogToOneStoreAtOnce() throws Exception {
        Path store = tmp.resolve("store");
        // The store does not exist yet: released together, both children also race to create it.
        Path go = tmp.resolve("go");
        try (ChildJvm a = ChildJvm.start(LoggingChild.class, "concurrent", store.toString(), "alpha", "" + POINTS, go.toString());
             ChildJvm b = ChildJvm.start(LoggingChild.class, "concurrent", store.toString(), "beta", "" + POINTS, go.toString())) {
            a.awaitLine("READY", 30);
            b.awaitLine("READY", 30);
            Files.createFile(go);
            int exitA = a.waitFor(60);
            int exitB = b.waitFor(60);
            for (ChildJvm c : List.of(a, b)) {
                String out = c.output().toLowerCase();
                assertFalse(out.contains("locked") || out.contains("busy") || out.contains("exception"), c.output());
            }
            assertEquals(0, exitA, a.output());
            assertEquals(0, exitB, b.output());
            String runA = a.awaitLine("RUN ", 1);
            String runB = b.awaitLine("RUN ", 1);
            long[] windowA = window(a.awaitLine("WINDOW ", 1));
            long[] windowB = window(b.awaitLine("WINDOW ", 1));
            assertTrue(Math.max(windowA[0], windowB[0]) < Math.min(windowA[1], windowB[1]),
                    "the two children logged at the same time: " + a.output() + "\n" + b.output());

            try (EmbeddedStore s = EmbeddedStore.inHome(store)) {
                List<Experiment> shared = s.listExperiments(ViewType.ALL).stream()
                        .filter(e -> e.name().equals("shared")).toList();
                assertEquals(1, shared.size(), "one experiment despite the race to create it");
                List<Run> runs = s.listRuns(List.of(shared.get(0).experimentId()), ViewType.ALL, 10);
                assertEquals(2, runs.size());
                check(s, runA, "alpha");
                check(s, runB, "beta");
            }
        }
    }

    private static long[] window(String line) {
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private static void check(EmbeddedStore s, String runId, String name) {
        Run run = s.getRun(runId).orElseThrow();
        assertEquals(name, run.info().runName());
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertEquals(50, run.data().params().size());
        for (int i = 0; i < 50; i++) {
            assertEquals(name + "-" + i, run.data().params().get("param_" + i));
            assertEquals(i == 0 ? "last" : name + "-" + i, run.data().tags().get("tag_" + i));
        }
        int perKey = POINTS / LoggingChild.KEYS;
        for (int k = 0; k < LoggingChild.KEYS; k++) {
            List<Metric> h = s.getMetricHistory(runId, "metric_" + k);
            assertEquals(perKey, h.size(), name + " metric_" + k);
            for (int step = 0; step < perKey; step++) {
                Metric m = h.get(step);
                assertEquals(step, m.step());
                assertEquals(Double.doubleToLongBits(LoggingChild.value(k, step)), Double.doubleToLongBits(m.value()),
                        name + " metric_" + k + " step " + step);
            }
            assertEquals(perKey, run.data().metrics().get("metric_" + k).count());
            assertEquals(perKey - 1, run.data().metrics().get("metric_" + k).latestStep());
        }
        assertTrue(run.info().endTime() >= run.info().startTime());
    }
}
