package io.jruns;

import io.jruns.domain.JrunsException;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static facade against a real embedded store in a temporary folder. */
class JrunsFacadeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTempStore() {
        Jruns.setTrackingUri(dir.toString());
    }

    @AfterEach
    void endEverything() {
        Jruns.endAllRuns(RunStatus.FINISHED);
        Jruns.closeSession();
    }

    private static Run get(String runId) {
        return Jruns.client().getRun(runId);
    }

    @Test
    void startAndEndRun() {
        ActiveRun run = Jruns.startRun("first");
        assertEquals(run, Jruns.activeRun().orElseThrow());
        Run stored = get(run.runId());
        assertEquals(RunStatus.RUNNING, stored.info().status());
        assertEquals("first", stored.info().runName());
        assertEquals("LOCAL", stored.data().tags().get(SystemTags.SOURCE_TYPE));
        assertNotNull(stored.data().tags().get(SystemTags.USER));
        Jruns.endRun();
        assertTrue(Jruns.activeRun().isEmpty());
        Run ended = get(run.runId());
        assertEquals(RunStatus.FINISHED, ended.info().status());
        assertTrue(ended.info().endTime() >= ended.info().startTime());
        Jruns.endRun(); // nothing active: harmless
    }

    @Test
    void aRunBodyEndsFinishedOrFailedAndItsExceptionGoesOnUnchanged() {
        String[] ids = new String[3];
        Jruns.run("fine", run -> {
            ids[0] = run.runId();
            Jruns.logMetric("m", 2.0);
        });
        assertEquals(RunStatus.FINISHED, get(ids[0]).info().status());
        assertEquals(2.0, get(ids[0]).metric("m").orElseThrow());

        java.io.IOException thrown = new java.io.IOException("disk");
        java.io.IOException caught = assertThrows(java.io.IOException.class, () -> Jruns.run("io", run -> {
            ids[1] = run.runId();
            Jruns.run(RunOptions.builder().name("inner").nested(true).build(), inner -> ids[2] = inner.runId());
            throw thrown;
        }));
        assertSame(thrown, caught, "the body's own exception, checked, not wrapped");
        assertEquals(RunStatus.FAILED, get(ids[1]).info().status());
        assertEquals(RunStatus.FINISHED, get(ids[2]).info().status(), "the nested run ended before the failure");
        assertTrue(Jruns.activeRun().isEmpty(), "nothing left active");
        assertThrows(AssertionError.class, () -> Jruns.run("assert", run -> {
            throw new AssertionError("an Error fails the run too");
        }));
    }

    @Test
    void tryWithResourcesFinishesAndEndRunRecordsFailure() {
        String id;
        try (ActiveRun run = Jruns.startRun("twr")) {
            id = run.runId();
            Jruns.logMetric("m", 1.0);
        }
        assertEquals(RunStatus.FINISHED, get(id).info().status());
        assertEquals(1.0, get(id).metric("m").orElseThrow());

        ActiveRun failing = Jruns.startRun("bad");
        Jruns.endRun(RunStatus.FAILED);
        assertEquals(RunStatus.FAILED, get(failing.runId()).info().status());
    }

    @Test
    void nestedRunsCarryTheirParent() {
        ActiveRun parent = Jruns.startRun("parent");
        ActiveRun child = Jruns.startRun(RunOptions.builder().name("child").nested(true).tag("fold", "1")
                .note("a note").build());
        assertEquals(child, Jruns.activeRun().orElseThrow());
        Jruns.logMetric("loss", 0.5);
        Run c = get(child.runId());
        assertEquals(parent.runId(), c.parentRunId().orElseThrow());
        assertEquals("1", c.data().tags().get("fold"));
        assertEquals("a note", c.note().orElseThrow());
        assertEquals(0.5, c.metric("loss").orElseThrow(), "logs go to the innermost run");
        assertTrue(get(parent.runId()).parentRunId().isEmpty());

        parent.end(RunStatus.FINISHED); // ends the child still open under it
        assertEquals(RunStatus.FINISHED, get(child.runId()).info().status());
        assertTrue(Jruns.activeRun().isEmpty());
    }

    @Test
    void secondTopLevelRunIsAnError() {
        ActiveRun first = Jruns.startRun("one");
        JrunsException e = assertThrows(JrunsException.class, () -> Jruns.startRun("two"));
        assertEquals(JrunsException.Code.INVALID_STATE, e.code());
        assertTrue(e.getMessage().contains("'one'") && e.getMessage().contains(first.runId()), e.getMessage());
        assertEquals(first, Jruns.activeRun().orElseThrow());
        assertEquals(1, Jruns.client().listRuns("0").size());
    }

    @Test
    void loggingWithoutARunStartsOne() {
        assertTrue(Jruns.activeRun().isEmpty());
        Jruns.logMetric("auto", 2.0, 3);
        ActiveRun run = Jruns.activeRun().orElseThrow();
        Jruns.logParams(Map.of("a", 1, "b", "x"));
        Jruns.setTags(Map.of("t", "v"));
        Jruns.logMetrics(Map.of("x", 1, "y", 2.5f), 4);
        Run r = get(run.runId());
        assertEquals(List.of(new Metric("auto", 2.0, r.data().metrics().get("auto").latestTimestamp(), 3)),
                Jruns.client().getMetricHistory(run.runId(), "auto"));
        assertEquals(Map.of("a", "1", "b", "x"), r.data().params());
        assertEquals("v", r.data().tags().get("t"));
        assertEquals(2.5, r.metric("y").orElseThrow());
        assertEquals(4, r.data().metrics().get("x").latestStep());
    }

    @Test
    void paramConflictFailsAtTheCall() {
        Jruns.logParam("lr", 0.1);
        Jruns.logParam("lr", 0.1);
        JrunsException e = assertThrows(JrunsException.class, () -> Jruns.logParam("lr", 0.2));
        assertTrue(e.getMessage().contains("'lr'") && e.getMessage().contains("'0.1'"), e.getMessage());
        Jruns.flush(); // nothing left to report
        assertEquals("0.1", get(Jruns.activeRun().orElseThrow().runId()).data().params().get("lr"));
    }

    @Test
    void badKeysAndLongValuesFailAtTheCall() {
        assertThrows(JrunsException.class, () -> Jruns.logMetric("bad key!", 1));
        assertThrows(JrunsException.class, () -> Jruns.logParam("p", "x".repeat(6001)));
        assertThrows(JrunsException.class, () -> Jruns.setTag("t", "x".repeat(8001)));
        Jruns.flush();
    }

    @Test
    void tagsNotesAndDeletes() {
        ActiveRun run = Jruns.startRun("tags");
        Jruns.setTag("k", "1");
        Jruns.setTag("k", "2");
        Jruns.setNote("# hello");
        Jruns.setTag("gone", "x");
        Jruns.deleteTag("gone");
        Run r = get(run.runId());
        assertEquals("2", r.data().tags().get("k"));
        assertEquals("# hello", r.note().orElseThrow());
        assertFalse(r.data().tags().containsKey("gone"));
        Jruns.endRun();
        Jruns.client().setTag(run.runId(), "after", "end");
        assertEquals("end", get(run.runId()).data().tags().get("after"));
    }

    @Test
    void manyThreadsLoseNothing() throws Exception {
        ActiveRun run = Jruns.startRun("threads");
        int threads = 8;
        int points = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            String key = "thread_" + t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < points; i++) Jruns.logMetric(key, i * 0.25, i);
                    Jruns.setTag(key, "done");
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) w.join(30_000);
        assertEquals(List.of(), errors);
        Jruns.flush();
        Run r = get(run.runId());
        for (int t = 0; t < threads; t++) {
            List<Metric> h = Jruns.client().getMetricHistory(run.runId(), "thread_" + t);
            assertEquals(points, h.size(), "thread " + t);
            for (int i = 0; i < points; i++) {
                assertEquals(i, h.get(i).step());
                assertEquals(i * 0.25, h.get(i).value());
            }
            assertEquals(points, r.data().metrics().get("thread_" + t).count());
            assertEquals("done", r.data().tags().get("thread_" + t));
        }
    }

    @Test
    void setTrackingUriSwitchesStores(@TempDir Path other) {
        ActiveRun inFirst = Jruns.startRun("in-first");
        Jruns.logMetric("m", 1);
        Jruns.setTrackingUri(other.toString()); // the open run is ended with its store
        assertTrue(Jruns.activeRun().isEmpty());
        assertTrue(Jruns.getTrackingUri().contains(other.toString()));
        ActiveRun inSecond = Jruns.startRun("in-second");
        assertEquals(List.of(inSecond.runId()), Jruns.client().listRuns("0").stream().map(Run::runId).toList());
        Jruns.endRun();
        Jruns.closeSession();
        try (EmbeddedStore first = EmbeddedStore.inHome(dir)) {
            Run r = first.getRun(inFirst.runId()).orElseThrow();
            assertEquals(RunStatus.KILLED, r.info().status());
            assertEquals(1.0, r.metric("m").orElseThrow());
            assertTrue(first.getRun(inSecond.runId()).isEmpty());
        }
        assertTrue(Files.exists(other.resolve("jruns.db")));
    }

    @Test
    void badTrackingUriIsRefusedAndTheStoreKept() {
        ActiveRun run = Jruns.startRun("kept");
        assertThrows(JrunsException.class, () -> Jruns.setTrackingUri("s3://bucket/x"));
        assertEquals(run, Jruns.activeRun().orElseThrow());
        assertTrue(Jruns.getTrackingUri().contains(dir.toString()));
    }

    @Test
    void experimentsAndArtifacts() throws Exception {
        String exp = Jruns.setExperiment("iris").experimentId();
        assertEquals(exp, Jruns.setExperiment("iris").experimentId(), "set again finds the same one");
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        Path folder = Files.createDirectories(dir.resolve("plots"));
        Files.writeString(folder.resolve("a.svg"), "<svg/>");
        try (ActiveRun run = Jruns.startRun("art")) {
            assertEquals(exp, run.experimentId());
            Jruns.logArtifact(model);
            Jruns.logArtifact(folder);
            Jruns.logArtifacts(folder, "flat");
            TrackingClient client = Jruns.client();
            // environment.json joins these when jruns-models is on the class path (EnvironmentTest)
            assertEquals(List.of("flat", "model.txt", "plots"),
                    client.listArtifacts(run.runId()).stream().map(f -> f.path()).toList());
            assertEquals("<svg/>", Files.readString(client.downloadArtifact(run.runId(), "plots/a.svg")));
            assertEquals("<svg/>", Files.readString(client.downloadArtifact(run.runId(), "flat/a.svg")));
        }
        assertEquals(1, Jruns.client().listRuns(exp).size());
        assertTrue(Jruns.client().listRuns("0").isEmpty());
    }
}
