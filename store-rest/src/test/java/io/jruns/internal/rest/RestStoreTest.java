package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST store against the fake server: every Store call, on the wire as MLflow wants it. */
class RestStoreTest extends FakeServerTest {
    RestStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = fx.store();
    }

    private JsonNode lastBody(String pathSuffix) {
        List<FakeMlflow.Seen> seen = fx.fake.seen();
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).path().endsWith(pathSuffix)) return RestJson.parse(seen.get(i).body());
        }
        throw new AssertionError("no request to " + pathSuffix);
    }

    @Test
    void experimentsRoundTrip() {
        String id = store.createExperiment("probe", null, Map.of("team", "java"));
        assertEquals("1", id);
        Experiment e = store.getExperiment(id).orElseThrow();
        assertEquals("probe", e.name());
        assertEquals("mlflow-artifacts:/1", e.artifactLocation());
        assertEquals(Map.of("team", "java"), e.tags());
        assertEquals(id, store.getExperimentByName("probe").orElseThrow().experimentId());
        assertTrue(store.getExperiment("999").isEmpty());
        assertTrue(store.getExperimentByName("nope").isEmpty());
        store.setExperimentTag(id, "owner", "probe");
        assertEquals("probe", store.getExperiment(id).orElseThrow().tags().get("owner"));
        store.renameExperiment(id, "probe-renamed");
        store.deleteExperiment(id);
        assertEquals(List.of("0"), store.listExperiments(ViewType.ACTIVE_ONLY).stream().map(Experiment::experimentId).toList());
        store.restoreExperiment(id);
        assertEquals(List.of("probe-renamed", "Default"), store.listExperiments(ViewType.ALL).stream()
                .map(Experiment::name).toList());
    }

    @Test
    void duplicateExperimentKeepsTheServersMessageOnOneLine() {
        store.createExperiment("dup", null, Map.of());
        JrunsException e = assertThrows(JrunsException.class, () -> store.createExperiment("dup", null, Map.of()));
        assertEquals(JrunsException.Code.RESOURCE_ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().startsWith("Experiment(name=dup) already exists."), e.getMessage());
        assertTrue(e.getMessage().contains("experiments/create") && e.getMessage().contains("HTTP 400"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(1, fx.fake.count("experiments/create") - 1, "a refused create is not repeated");
    }

    @Test
    void createRunSendsStartTimeAndStringIds() {
        RunInfo info = store.createRun("0", "alice", 1795719911682L, "run-a",
                List.of(new RunTag("mlflow.source.type", "NOTEBOOK")));
        JsonNode body = lastBody("runs/create");
        assertTrue(body.get("experiment_id").isTextual(), body.toString());
        assertEquals(1795719911682L, body.get("start_time").asLong());
        assertEquals("run-a", info.runName());
        assertEquals(1795719911682L, info.startTime());
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals("alice", run.info().userId());
        assertEquals("NOTEBOOK", run.data().tags().get("mlflow.source.type"));
        assertEquals("run-a", run.data().tags().get("mlflow.runName"));
        assertTrue(store.getRun("00000000000000000000000000000000").isEmpty());
        for (FakeMlflow.Seen s : fx.fake.seen()) {
            if (s.method().equals("POST")) assertEquals("application/json", s.contentType(), s.path());
        }
    }

    @Test
    void loggedValuesAndTheirHistoryComeBackExactly() {
        String run = store.createRun("0", null, 5, "r", List.of()).runId();
        List<Metric> points = List.of(new Metric("loss", 0.9, 10, 0), new Metric("loss", Double.NaN, 11, 1),
                new Metric("loss", Double.POSITIVE_INFINITY, 12, 2), new Metric("loss", Double.NEGATIVE_INFINITY, 13, 3),
                new Metric("loss", 1e-300, 14, 4), new Metric("acc", 0.25, 15, 7));
        List<JrunsException> problems = store.logBatches(List.of(new LogBatch(run, points,
                List.of(new Param("lr", "0.01")), List.of(new RunTag("stage", "dev")))), true);
        assertEquals(List.of(), problems);
        JsonNode batch = lastBody("runs/log-batch");
        assertEquals("NaN", batch.get("metrics").get(1).get("value").asText());
        assertEquals("Infinity", batch.get("metrics").get(2).get("value").asText());
        List<Metric> loss = store.getMetricHistory(run, "loss");
        assertEquals(points.subList(0, 5), loss, "NaN and both infinities read back as logged");
        Run r = store.getRun(run).orElseThrow();
        assertEquals("0.01", r.data().params().get("lr"));
        assertEquals("dev", r.data().tags().get("stage"));
        assertEquals(1e-300, r.metric("loss").orElseThrow(), "latest = greatest step");
        store.deleteTag(run, "stage");
        assertNull(store.getRun(run).orElseThrow().data().tags().get("stage"));
    }

    @Test
    void refusedValuesAreReportedWithTheServersMessageAndTheRestIsWritten() {
        String run = store.createRun("0", null, 5, "r", List.of()).runId();
        String gone = store.createRun("0", null, 5, "g", List.of()).runId();
        store.logBatch(new LogBatch(run, List.of(), List.of(new Param("lr", "0.01")), List.of()));
        store.deleteRun(gone);
        List<JrunsException> problems = store.logBatches(List.of(
                new LogBatch(run, List.of(), List.of(new Param("lr", "0.02")), List.of()),
                new LogBatch(gone, List.of(new Metric("m", 1, 1, 0)), List.of(), List.of()),
                new LogBatch(run, List.of(new Metric("m", 2, 1, 0)), List.of(), List.of())), true);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("param 'lr' of run " + run + " refused by")
                        && p.getMessage().contains("Changing param values is not allowed")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.getMessage().contains("must be in the 'active' state")),
                problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.code() == JrunsException.Code.INVALID_PARAMETER_VALUE));
        assertFalse(store.hasSpooled(), "refused values are not kept for a retry");
    }

    @Test
    void synchronousLogBatchThrowsTheServersError() {
        String run = store.createRun("0", null, 5, "r", List.of()).runId();
        JrunsException e = assertThrows(JrunsException.class, () -> store.logBatch(
                new LogBatch(run, List.of(new Metric("bad*key", 1, 1, 0)), List.of(), List.of())));
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        assertTrue(e.getMessage().contains("metric 'bad*key' (1.0 at step 0, time 1) of run " + run + " refused by ")
                && e.getMessage().contains(": Invalid metric name: 'bad*key'."), e.getMessage());
    }

    @Test
    void runLifecycleRecordsTheDeletionTime() {
        String run = store.createRun("0", null, 5, "r", List.of()).runId();
        store.updateRun(run, RunStatus.FINISHED, 99L, "renamed");
        Run r = store.getRun(run).orElseThrow();
        assertEquals(RunStatus.FINISHED, r.info().status());
        assertEquals(99L, r.info().endTime());
        assertEquals("renamed", r.info().runName());
        long before = System.currentTimeMillis();
        store.deleteRun(run);
        Run deleted = store.getRun(run).orElseThrow();
        assertEquals(LifecycleStage.DELETED, deleted.info().lifecycleStage());
        assertNotNull(deleted.info().deletedTime());
        assertTrue(deleted.info().deletedTime() >= before);
        assertFalse(deleted.data().tags().containsKey(SystemTags.DELETED_TIME), "shown as the deleted time, not as a tag");
        store.restoreRun(run);
        Run back = store.getRun(run).orElseThrow();
        assertEquals(LifecycleStage.ACTIVE, back.info().lifecycleStage());
        assertNull(back.info().deletedTime());
        assertFalse(fx.fake.state.runs.get(run).tags.containsKey(SystemTags.DELETED_TIME));
    }

    @Test
    void authorizationHeaderFromTheEnvironment() {
        RestStore bearer = fx.store("MLFLOW_TRACKING_TOKEN", "tok-123456");
        bearer.getExperiment("0");
        assertEquals("Bearer tok-123456", fx.fake.seen().get(fx.fake.seen().size() - 1).authorization());
        RestStore basic = fx.store("MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", "pw-9876");
        basic.getExperiment("0");
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("ann:pw-9876".getBytes()),
                fx.fake.seen().get(fx.fake.seen().size() - 1).authorization());
        store.getExperiment("0");
        assertNull(fx.fake.seen().get(fx.fake.seen().size() - 1).authorization());
    }

    @Test
    void htmlAnswersBecomeOneLineErrors() {
        fx.fake.faultTarget(s -> false);
        RestStore wrongPath = fx.open(RestConfig.fromEnvironment(fx.fake.url() + "/not-mlflow", fx.env())
                .withRetry(RestFixture.QUICK));
        JrunsException e = assertThrows(JrunsException.class, () -> wrongPath.listExperiments(ViewType.ALL));
        assertEquals(JrunsException.Code.NOT_IMPLEMENTED, e.code());
        assertTrue(e.getMessage().contains("no such endpoint") && e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(e.getMessage().contains("<"), e.getMessage());
    }
}
