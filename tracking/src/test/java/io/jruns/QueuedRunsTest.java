package io.jruns;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs started and ended through TrackingClient's writer (embedded store): the id at once,
 * reads through the client see the end and every value, close makes it durable, and errors
 * are still told.
 */
class QueuedRunsTest {
    @TempDir
    Path dir;

    private static String logRun(TrackingClient c, String exp, int i) {
        String id = c.createRun(exp, "run-" + i, Map.of("team", "a"), "me").runId();
        for (int k = 0; k < 20; k++) c.logParam(id, "p" + k, i);
        for (int k = 0; k < 20; k++) c.logMetric(id, "m" + k, i + k, 0);
        c.setTerminated(id, RunStatus.FINISHED);
        return id;
    }

    @Test
    void readsAfterTheEndSeeItAndEveryValue() {
        try (TrackingClient c = TrackingClient.open(dir.toString())) {
            String exp = c.createExperiment("e");
            String id = logRun(c, exp, 7);
            assertEquals(32, id.length());
            Run r = c.getRun(id);
            assertEquals(RunStatus.FINISHED, r.info().status());
            assertNotNull(r.info().endTime());
            assertEquals("run-7", r.info().runName());
            assertEquals("a", r.data().tags().get("team"));
            assertEquals("me", r.data().tags().get("mlflow.user"));
            assertEquals(20, r.data().params().size());
            assertEquals(20, r.data().metrics().size());
            List<Run> found = c.search().experiments(exp).filter("attributes.status = 'FINISHED' AND metrics.m19 = 26").runs();
            assertEquals(List.of(id), found.stream().map(x -> x.info().runId()).toList());
            assertEquals(1, c.listRuns(exp).size());
        }
    }

    @Test
    void closeMakesEndedRunsDurableForAnotherOpen() {
        String exp;
        try (TrackingClient c = TrackingClient.open(dir.toString())) {
            exp = c.createExperiment("e");
            for (int i = 0; i < 300; i++) logRun(c, exp, i);
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(dir)) {
            List<Run> runs = s.listRuns(List.of(exp), io.jruns.domain.ViewType.ALL, 1000);
            assertEquals(300, runs.size());
            for (Run r : runs) {
                assertEquals(RunStatus.FINISHED, r.info().status());
                assertEquals(20, r.data().metrics().size());
            }
        }
    }

    @Test
    void flushMakesThemVisibleToAnotherProcessesConnection() {
        try (TrackingClient c = TrackingClient.open(dir.toString());
             EmbeddedStore other = EmbeddedStore.inHome(dir)) {
            String id = logRun(c, "0", 1);
            c.flush();
            assertEquals(RunStatus.FINISHED, other.getRun(id).orElseThrow().info().status());
        }
    }

    @Test
    void errorsAreToldAtTheCallOrTheNextFlush() {
        try (TrackingClient c = TrackingClient.open(dir.toString())) {
            // An experiment that is not there, a run that is not there: at the call, as before.
            JrunsException noExp = assertThrows(JrunsException.class, () -> c.createRun("42", "x", Map.of(), null));
            assertEquals("experiment '42' does not exist", noExp.getMessage());
            JrunsException noRun = assertThrows(JrunsException.class,
                    () -> c.setTerminated("0123456789abcdef0123456789abcdef", RunStatus.FINISHED));
            assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, noRun.code());

            // A value the store refuses after the end: the next flush names it; the run stays ended.
            String id = c.createRun("0", "r", Map.of(), null).runId();
            c.logParam(id, "lr", 0.1);
            c.setTerminated(id, RunStatus.FINISHED);
            c.logParam(id, "lr", 0.2);
            JrunsException conflict = assertThrows(JrunsException.class, c::flush);
            assertTrue(conflict.getMessage().contains("lr") && conflict.getMessage().contains(id), conflict.getMessage());
            Run r = c.getRun(id);
            assertEquals(RunStatus.FINISHED, r.info().status());
            assertEquals("0.1", r.data().params().get("lr"));
        }
    }

    @Test
    void aRunEndedTwiceKeepsTheLastStatus() {
        try (TrackingClient c = TrackingClient.open(dir.toString())) {
            String id = logRun(c, "0", 1);
            c.setTerminated(id, RunStatus.FAILED); // no longer queued: ends at once, after a flush
            assertEquals(RunStatus.FAILED, c.getRun(id).info().status());
        }
    }

    @Test
    void artifactsRightAfterTheStart() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");
        try (TrackingClient c = TrackingClient.open(dir.resolve("store").toString())) {
            String id = c.createRun("0", "r", Map.of(), null).runId();
            c.logMetric(id, "m", 1, 0);
            c.logArtifact(id, file, "docs");
            assertEquals("hello", Files.readString(c.downloadArtifact(id, "docs/notes.txt")));
            assertEquals(1, c.listArtifacts(id, "docs").size());
        }
    }

    @Test
    void theStoreUnderneathHasTheRunsStartedThroughTheClient() {
        try (TrackingClient c = TrackingClient.open(dir.toString())) {
            String id = c.createRun("0", "r", Map.of(), null).runId();
            assertTrue(c.store().getRun(id).isPresent(), "a tool going to the store directly finds the run");
        }
    }

    @Test
    void theFacadeReadsItsOwnEnds() {
        Jruns.setTrackingUri(dir.toString());
        try {
            ActiveRun run = Jruns.startRun("facade");
            run.logMetric("loss", 0.5);
            run.end(RunStatus.KILLED);
            List<Run> runs = Jruns.search().filter("attributes.status = 'KILLED'").runs();
            assertEquals(1, runs.size());
            assertEquals(0.5, runs.get(0).data().metrics().get("loss").latest());
        } finally {
            Jruns.closeSession();
        }
    }
}
