package io.jruns;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.MetricColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A process that keeps metric summaries cached between its writes still counts the points
 * another process logged to the same run and key in between (PRAGMA data_version tells it).
 */
class SummaryAcrossProcessesTest {
    @TempDir
    Path dir;

    /** The other process: logs POINTS points to RUN's "m" at steps FROM.., then prints DONE. */
    public static final class Child {
        public static void main(String[] args) {
            try (EmbeddedStore store = EmbeddedStore.inHome(Path.of(args[0]))) {
                int from = Integer.parseInt(args[2]);
                List<Metric> points = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(args[3]); i++) points.add(new Metric("m", -1, 2000, from + i));
                store.logBatch(new LogBatch(args[1], points, List.of(), List.of()));
            }
            System.out.println("DONE");
        }
    }

    private static void round(EmbeddedStore store, String run, int from, int n) {
        MetricColumns m = new MetricColumns(run, "m");
        for (int i = 0; i < n; i++) m.add(i, 1000, from + i);
        assertEquals(List.of(), store.logRound(List.of(), List.of(), List.of(m), List.of(), false));
    }

    @Test
    void pointsAnotherProcessLoggedBetweenTwoRoundsAreCounted() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.inHome(dir)) {
            String run = store.createRun("0", "u", 1, "r", List.of()).runId();
            round(store, run, 0, 10);
            round(store, run, 10, 10); // the summary now comes from this process's cache
            try (ChildJvm child = ChildJvm.start(Child.class, dir.toString(), run, "100", "7")) {
                child.awaitLine("DONE", 60);
                assertEquals(0, child.waitFor(60), child.output());
            }
            round(store, run, 20, 3);
            MetricSummary s = store.getRun(run).orElseThrow().data().metrics().get("m");
            assertEquals(30, s.count(), "the other process's 7 points are counted");
            assertEquals(106, s.latestStep(), "its last point is the latest");
            assertEquals(-1, s.min());
        }
    }
}
