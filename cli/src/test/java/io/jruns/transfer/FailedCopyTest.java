package io.jruns.transfer;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.internal.rest.FakeServerAccess;
import io.jruns.internal.rest.RestStore;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run the target refuses fails alone: the others are copied, the failed one is left marked
 * incomplete (never FINISHED), the report names it, copying onward skips it and copying again retries it.
 */
class FailedCopyTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    /** Five finished runs with a param, points and a file each; {@code badParam} is the param of the second. */
    private void populate(Store s, String badParam) throws Exception {
        String exp = s.createExperiment("exp", null, Map.of());
        Path art = Files.createDirectories(dir.resolve("art"));
        Files.writeString(art.resolve("a.txt"), "a");
        Files.writeString(art.resolve("b.txt"), "b");
        String[] names = {"r1", "bad-param", "r3", "bad-artifact", "r5"};
        for (int i = 0; i < names.length; i++) {
            String id = s.createRun(exp, "ann", 1_000 + i, names[i], List.of()).runId();
            List<Metric> points = new ArrayList<>();
            for (int p = 0; p < 10; p++) points.add(new Metric("loss", p, 2_000 + p, p));
            s.logBatch(new LogBatch(id, points, List.of(new Param(i == 1 ? badParam : "lr", "0.1")), List.of()));
            s.logArtifact(id, art, "");
            s.updateRun(id, RunStatus.FINISHED, 5_000L + i, null);
        }
    }

    private static List<Run> all(Store s) {
        List<Run> out = new ArrayList<>();
        s.listExperiments(ViewType.ALL).forEach(e -> out.addAll(s.listRuns(List.of(e.experimentId()), ViewType.ALL, 1000)));
        return out;
    }

    private static void assertMarkedIncomplete(Run r) {
        assertNotEquals(RunStatus.FINISHED, r.info().status(), "a failed copy never looks finished: " + r.info());
        assertEquals("true", r.data().tags().get(SystemTags.COPY_INCOMPLETE), r.info().runName());
        assertEquals(LifecycleStage.DELETED, r.info().lifecycleStage(), r.info().runName());
        assertEquals(1L, r.info().deletedTime(), "purged by the next gc");
    }

    @Test
    void aRefusedValueOrFileFailsItsRunAloneAndCopyingAgainRetriesIt() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b"); EmbeddedStore c = embedded("c")) {
            populate(a, "val:acc");
            AtomicBoolean refusing = new AtomicBoolean(true);
            Store target = Refusing.store(b, "val:acc", "bad-artifact", refusing);
            // groups of 3: a refusal in a group fails only the run it names
            TransferReport r = new RunCopier(a, "sqlite:///a", target, Progress.NONE, 3).copy(Selection.all());
            assertEquals(3, r.runs(), r.toString());
            assertEquals(2, r.failed().size(), r.toString());
            assertTrue(r.failed().get(0).contains("'bad-param'") && r.failed().get(0).contains("val:acc"), r.failed().get(0));
            assertTrue(r.failed().get(1).contains("'bad-artifact'") && r.failed().get(1).contains("artifact path refused"),
                    r.failed().get(1));
            assertTrue(r.summary("Copied", "to b").contains("2 runs failed"), r.summary("Copied", "to b"));
            for (Run run : all(b)) {
                if (run.info().runName().startsWith("bad")) {
                    assertMarkedIncomplete(run);
                } else {
                    assertEquals(RunStatus.FINISHED, run.info().status());
                    assertTrue(SourceTags.complete(run), run.info().runName());
                    assertEquals(2, ArtifactWalk.files(b, run.runId()).size());
                }
            }

            TransferReport onward = Transfers.copy(b, "sqlite:///b", c, Selection.all(), Progress.NONE);
            assertEquals(3, onward.runs(), "the incomplete copies are not copied onward as runs");
            assertEquals(2, onward.leftOut().stream().filter(l -> l.contains("an incomplete copy")).count(), onward.leftOut().toString());
            assertEquals(3, all(c).size());

            refusing.set(false);
            TransferReport again = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            assertEquals(2, again.runs(), "the failed runs, retried");
            assertEquals(3, again.skipped());
            assertTrue(again.failed().isEmpty());
            assertEquals(2, b.gc(System.currentTimeMillis() - 86_400_000L, Progress.NONE).runsPurged(), "the failed copies");
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
        }
    }

    @Test
    void progressCountsAFailedRunAsFailedNotAsCopied() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            populate(a, "val:acc");
            List<String> lines = new ArrayList<>();
            Store target = Refusing.store(b, "val:acc", "bad-artifact", new AtomicBoolean(true));
            new RunCopier(a, "sqlite:///a", target, (what, done, total) -> lines.add(done + "/" + total + " " + what), 3)
                    .copy(Selection.all());
            // groups of 3: bad-param fails in the first, bad-artifact in the second
            assertEquals(List.of("3/5 runs done (2 copied, 1 failed)", "5/5 runs done (3 copied, 2 failed)"), lines);
        }
    }

    @Test
    void aValueTheServerRefusesFailsThatRunAloneAndTheRunIsNotCopiedOnward() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore c = embedded("c");
             FakeServerAccess server = new FakeServerAccess(dir.resolve("home"))) {
            populate(a, "val:acc"); // ':' is a legal key for jruns, not for MLflow 2's server
            RestStore rest = server.store();
            TransferReport up = Transfers.copy(a, "sqlite:///a", rest, Selection.all(), Progress.NONE);
            assertEquals(4, up.runs(), up.toString());
            assertEquals(1, up.failed().size(), up.toString());
            assertTrue(up.failed().get(0).startsWith("run ") && up.failed().get(0).contains("'bad-param'"), up.failed().get(0));
            for (Run run : all(rest)) {
                if (run.info().runName().equals("bad-param")) assertMarkedIncomplete(run);
                else assertTrue(SourceTags.complete(run) && run.info().status() == RunStatus.FINISHED, run.info().runName());
            }
            TransferReport down = Transfers.copy(rest, rest.describe(), c, Selection.all(), Progress.NONE);
            assertEquals(4, down.runs());
            assertEquals(4, all(c).size(), "the incomplete copy is skipped, not moved on as a run");
            assertTrue(down.leftOut().get(0).contains("an incomplete copy"), down.leftOut().toString());
        }
    }
}
