package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Params, tags and log batches against missing or deleted runs. */
class EmbeddedLoggingTest extends OneRunStore {
    private static final String MISSING = "0123456789abcdef0123456789abcdef";

    static LogBatch params(String runId, Param... ps) {
        return new LogBatch(runId, List.of(), List.of(ps), List.of());
    }

    static LogBatch tags(String runId, RunTag... ts) {
        return new LogBatch(runId, List.of(), List.of(), List.of(ts));
    }

    private Run get() {
        return store.getRun(run).orElseThrow();
    }

    @Test
    void paramsAreWrittenAndSameValueAgainIsFine() {
        store.logBatch(params(run, new Param("lr", "0.1"), new Param("depth", "3")));
        store.logBatch(params(run, new Param("lr", "0.1")));
        assertEquals(Map.of("lr", "0.1", "depth", "3"), get().data().params());
    }

    @Test
    void changingAParamIsReportedAndTheRestOfTheBatchIsStillWritten() {
        store.logBatch(params(run, new Param("lr", "0.1")));
        LogBatch batch = new LogBatch(run, List.of(new Metric("loss", 0.5, 10, 0)),
                List.of(new Param("lr", "0.2"), new Param("depth", "3")), List.of(new RunTag("t", "x")));
        List<JrunsException> problems = store.logBatches(List.of(batch));
        assertEquals(1, problems.size(), problems.toString());
        String msg = problems.get(0).getMessage();
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, problems.get(0).code());
        assertTrue(msg.contains("'lr'") && msg.contains("'0.1'") && msg.contains("'0.2'") && msg.contains(run), msg);
        Run r = get();
        assertEquals(Map.of("lr", "0.1", "depth", "3"), r.data().params());
        assertEquals("x", r.data().tags().get("t"));
        assertEquals(0.5, r.metric("loss").orElseThrow());
    }

    @Test
    void conflictInsideOneBatchKeepsTheFirstValue() {
        List<JrunsException> problems = store.logBatches(List.of(
                params(run, new Param("p", "a"), new Param("p", "b"), new Param("q", "c"))));
        assertEquals(1, problems.size());
        assertEquals(Map.of("p", "a", "q", "c"), get().data().params());
    }

    @Test
    void logBatchThrowsWhatLogBatchesReports() {
        store.logBatch(params(run, new Param("p", "a")));
        JrunsException e = assertThrows(JrunsException.class, () -> store.logBatch(params(run, new Param("p", "b"))));
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
    }

    @Test
    void aRefusedLogBatchKeepsNothingOfItsBatch() {
        store.logBatch(params(run, new Param("lr", "0.1")));
        LogBatch batch = new LogBatch(run, List.of(new Metric("loss", 0.5, 10, 0)),
                List.of(new Param("depth", "3"), new Param("lr", "0.2")), List.of(new RunTag("t", "x")));
        assertThrows(JrunsException.class, () -> store.logBatch(batch));
        Run r = get();
        assertEquals(Map.of("lr", "0.1"), r.data().params());
        assertNull(r.data().tags().get("t"));
        assertTrue(r.metric("loss").isEmpty());
        assertTrue(store.getMetricHistory(run, "loss").isEmpty());
        store.logBatch(new LogBatch(run, List.of(new Metric("loss", 0.25, 11, 1)), List.of(), List.of()));
        assertEquals(List.of(0.25), store.getMetricHistory(run, "loss").stream().map(Metric::value).toList());
    }

    @Test
    void tagsAreUpsertedInOrderAndDeletable() {
        store.logBatch(tags(run, new RunTag("k", "1"), new RunTag("k", "2"), new RunTag("k", "3")));
        assertEquals("3", get().data().tags().get("k"));
        store.logBatch(tags(run, new RunTag("k", "4")));
        assertEquals("4", get().data().tags().get("k"));
        store.deleteTag(run, "k");
        assertNull(get().data().tags().get("k"));
        JrunsException e = assertThrows(JrunsException.class, () -> store.deleteTag(run, "k"));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    }

    @Test
    void tagsAreEditableAfterTheRunEnded() {
        store.logBatch(tags(run, new RunTag("k", "1")));
        store.updateRun(run, RunStatus.FINISHED, 2L, null);
        store.logBatch(tags(run, new RunTag("k", "2"), new RunTag("new", "n")));
        store.deleteTag(run, "new");
        assertEquals("2", get().data().tags().get("k"));
        assertFalse(get().data().tags().containsKey("new"));
    }

    @Test
    void runNameTagAndRunNameStayEqual() {
        store.logBatch(tags(run, new RunTag(SystemTags.RUN_NAME, "renamed")));
        assertEquals("renamed", get().info().runName());
        store.updateRun(run, null, null, "again");
        assertEquals("again", get().data().tags().get(SystemTags.RUN_NAME));
        assertEquals("again", store.listRuns(List.of("0"), io.jruns.domain.ViewType.ALL, 10).get(0).info().runName());
    }

    @Test
    void loggingToADeletedRunIsReportedAndOtherRunsAreStillWritten() {
        String other = store.createRun("0", "u", 2, "other", List.of()).runId();
        store.deleteRun(run);
        List<JrunsException> problems = store.logBatches(List.of(
                params(run, new Param("p", "1")),
                params(other, new Param("p", "2"))));
        assertEquals(1, problems.size());
        assertEquals(JrunsException.Code.INVALID_STATE, problems.get(0).code());
        assertTrue(problems.get(0).getMessage().contains("deleted") && problems.get(0).getMessage().contains(run));
        assertTrue(get().data().params().isEmpty());
        assertEquals("2", store.getRun(other).orElseThrow().data().params().get("p"));

        store.restoreRun(run);
        assertTrue(store.logBatches(List.of(params(run, new Param("p", "1")))).isEmpty());
        assertEquals("1", get().data().params().get("p"));
    }

    @Test
    void loggingToAMissingRunIsReported() {
        List<JrunsException> problems = store.logBatches(List.of(
                new LogBatch(MISSING, List.of(new Metric("m", 1, 1, 1)), List.of(), List.of()),
                new LogBatch(run, List.of(new Metric("m", 2, 1, 1)), List.of(), List.of())));
        assertEquals(1, problems.size());
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, problems.get(0).code());
        assertTrue(problems.get(0).getMessage().contains(MISSING));
        assertEquals(2.0, get().metric("m").orElseThrow());
        assertTrue(store.getMetricHistory(MISSING, "m").isEmpty());
    }

    @Test
    void everythingIsVisibleToASecondStoreOnTheSameFiles() {
        store.logBatch(new LogBatch(run, List.of(new Metric("m", 1.5, 7, 3)), List.of(new Param("p", "v")),
                List.of(new RunTag("t", "w"))));
        try (EmbeddedStore second = EmbeddedStore.inHome(dir)) {
            Run seen = second.getRun(run).orElseThrow();
            assertEquals("v", seen.data().params().get("p"));
            assertEquals("w", seen.data().tags().get("t"));
            assertEquals(List.of(new Metric("m", 1.5, 7, 3)), second.getMetricHistory(run, "m"));
            assertEquals(RunStatus.RUNNING, seen.info().status(), "a live owner's run is not ended by another open");
        }
    }
}
