package io.jruns.transfer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies write a group of runs in a few calls (one transaction each), not several calls a run. */
class CopyGroupTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    /** The store, counting its calls by method name. */
    private static Store counted(Store store, Map<String, Integer> calls) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (proxy, m, args) -> {
            calls.merge(m.getName(), 1, Integer::sum);
            try {
                return m.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** 30 runs of params, metrics, tags and an artifact; one still RUNNING, one FINISHED without an end time. */
    private static void populate(Store s, Path scratch) throws Exception {
        String exp = s.createExperiment("many", null, Map.of());
        Path file = Files.writeString(Files.createDirectories(scratch).resolve("model.txt"), "w");
        for (int i = 0; i < 30; i++) {
            String id = s.createRun(exp, "ann", 1_000 + i, "run-" + i, List.of(new RunTag("t", "v" + i))).runId();
            List<Metric> points = new ArrayList<>();
            for (int step = 0; step < 5; step++) points.add(new Metric("loss", i + step, 2_000 + step, step));
            s.logBatch(new LogBatch(id, points, List.of(new Param("i", "" + i)), List.of()));
            s.logArtifact(id, file, "model");
            if (i == 1) s.updateRun(id, RunStatus.FINISHED, null, null);
            else if (i != 2) s.updateRun(id, RunStatus.FINISHED, 3_000L + i, null);
        }
    }

    @Test
    void thirtyRunsAreWrittenInOneCallAndCompletedInAnother() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            populate(a, dir.resolve("scratch"));
            Map<String, Integer> calls = new TreeMap<>();
            TransferReport r = Transfers.copy(a, "sqlite:///a", counted(b, calls), Selection.all(), Progress.NONE);
            assertEquals(30, r.runs());
            assertEquals(150, r.metricPoints());
            assertEquals(30, r.artifactFiles());
            assertEquals(2, calls.getOrDefault("logBatches", 0), calls.toString());
            for (String perRun : List.of("createRun", "logBatch", "deleteRun")) {
                assertEquals(0, calls.getOrDefault(perRun, 0), perRun + ": " + calls);
            }
            assertEquals(1, calls.getOrDefault("updateRun", 0), "only the run ended without an end time: " + calls);
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
            assertEquals(RunStatus.RUNNING, RunSnapshot.of(b).get("many/run-2").status());
        }
    }

    @Test
    void aHistoryLongerThanAGroupIsWrittenInParts() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            String exp = a.createExperiment("long", null, Map.of());
            String id = a.createRun(exp, "ann", 1, "long", List.of()).runId();
            List<Metric> points = new ArrayList<>();
            for (int i = 0; i < CopyGroup.POINTS * 2 + 7; i++) points.add(new Metric("loss", i, i, i));
            a.logBatch(new LogBatch(id, points, List.of(), List.of()));
            a.createRun(exp, "ann", 2, "after", List.of());
            Map<String, Integer> calls = new TreeMap<>();
            TransferReport r = Transfers.copy(a, "sqlite:///a", counted(b, calls), Selection.all(), Progress.NONE);
            assertEquals(points.size(), r.metricPoints());
            assertTrue(calls.get("logBatches") >= 3, "the points in parts of at most " + CopyGroup.POINTS + ": " + calls);
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
        }
    }

    @Test
    void aStoreThatPlansNoRunsGetsEachRunCompletedBeforeTheNextIsMade() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            populate(a, dir.resolve("scratch"));
            int[] made = {0};
            // as the REST store: no planned runs, each made at once; the fifth fails, as a stopped copy would
            Store server = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (proxy, m, args) -> {
                if (m.getName().equals("planRun")) return java.util.Optional.empty();
                if (m.getName().equals("createRun") && ++made[0] == 5) throw new IllegalStateException("stopped");
                try {
                    return m.invoke(b, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Transfers.copy(a, "sqlite:///a", server, Selection.all(), Progress.NONE));
            TransferReport again = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            // complete: three skipped, and run-2, running at the source, copied again as such copies are
            assertEquals(3, again.skipped(), "the runs made before the stop were complete");
            assertEquals(1, again.refreshed());
            assertEquals(27, again.runs());
        }
    }
}
