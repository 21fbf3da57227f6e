package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiments, runs and the schema of the embedded store, on real SQLite files. */
class EmbeddedStoreTest {
    @TempDir
    Path dir;
    EmbeddedStore store;

    @BeforeEach
    void open() {
        store = EmbeddedStore.inHome(dir);
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    @Test
    void createsFilesAndTheDefaultExperiment() {
        assertTrue(Files.isRegularFile(dir.resolve("jruns.db")));
        assertTrue(Files.isDirectory(dir.resolve("artifacts")));
        Experiment def = store.getExperiment(Experiment.DEFAULT_ID).orElseThrow();
        assertEquals("Default", def.name());
        assertEquals(LifecycleStage.ACTIVE, def.lifecycleStage());
        assertTrue(def.artifactLocation().startsWith("file:"), def.artifactLocation());
        assertEquals(def, store.getExperimentByName("Default").orElseThrow());
        assertTrue(journalMode().equalsIgnoreCase("wal"), journalMode());
    }

    @Test
    void experiments() {
        String id = store.createExperiment("iris", null, Map.of("team", "a"));
        assertNotEquals("0", id);
        Experiment e = store.getExperiment(id).orElseThrow();
        assertEquals("iris", e.name());
        assertEquals(Map.of("team", "a"), e.tags());
        assertTrue(e.artifactLocation().endsWith("/" + id), e.artifactLocation());
        assertTrue(e.creationTime() > 0 && e.lastUpdateTime() >= e.creationTime());
        assertEquals(id, store.getExperimentByName("iris").orElseThrow().experimentId());

        String custom = store.createExperiment("custom", "file:///somewhere/else", Map.of());
        assertEquals("file:///somewhere/else", store.getExperiment(custom).orElseThrow().artifactLocation());

        store.setExperimentTag(id, "team", "b");
        store.setExperimentTag(id, "owner", "me");
        assertEquals(Map.of("team", "b", "owner", "me"), store.getExperiment(id).orElseThrow().tags());

        List<String> names = store.listExperiments(ViewType.ACTIVE_ONLY).stream().map(Experiment::name).toList();
        assertEquals(List.of("Default", "iris", "custom"), names);
        assertTrue(store.getExperiment("999").isEmpty());
        assertTrue(store.getExperimentByName("nope").isEmpty());
    }

    @Test
    void duplicateExperimentNameIsAClearError() {
        store.createExperiment("dup", null, Map.of());
        JrunsException e = assertThrows(JrunsException.class, () -> store.createExperiment("dup", null, Map.of()));
        assertEquals(JrunsException.Code.RESOURCE_ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().contains("'dup'"), e.getMessage());
        assertEquals(2, store.listExperiments(ViewType.ALL).size());
    }

    @Test
    void experimentErrors() {
        JrunsException missing = assertThrows(JrunsException.class, () -> store.setExperimentTag("42", "k", "v"));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, missing.code());
        JrunsException badId = assertThrows(JrunsException.class, () -> store.getExperiment("abc"));
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, badId.code());
        assertThrows(JrunsException.class, () -> store.createRun("abc", "u", 1, "r", List.of()));
        assertThrows(JrunsException.class, () -> store.listRuns(List.of("0", "x1"), ViewType.ALL, 10));
        JrunsException noExp = assertThrows(JrunsException.class, () -> store.createRun("77", "u", 1, "r", List.of()));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, noExp.code());
    }

    @Test
    void createAndGetRun() {
        RunInfo info = store.createRun("0", "alice", 1234L, "first", List.of(new RunTag("k", "v")));
        assertTrue(info.runId().matches("[0-9a-f]{32}"), info.runId());
        assertEquals(RunStatus.RUNNING, info.status());
        Run run = store.getRun(info.runId()).orElseThrow();
        assertEquals(info, run.info());
        assertEquals("first", run.info().runName());
        assertEquals("alice", run.info().userId());
        assertEquals(1234L, run.info().startTime());
        assertNull(run.info().endTime());
        assertEquals(LifecycleStage.ACTIVE, run.info().lifecycleStage());
        assertEquals(Map.of("k", "v", SystemTags.RUN_NAME, "first", SystemTags.USER, "alice"), run.data().tags());
        assertTrue(run.info().artifactUri().endsWith("/artifacts/0/" + info.runId()), run.info().artifactUri());
        assertTrue(store.getRun("0123456789abcdef0123456789abcdef").isEmpty());
    }

    @Test
    void runNameDefaultsToTagOrGeneratedName() {
        RunInfo fromTag = store.createRun("0", "u", 1, null, List.of(new RunTag(SystemTags.RUN_NAME, "tagged")));
        assertEquals("tagged", fromTag.runName());
        RunInfo generated = store.createRun("0", "u", 1, null, List.of());
        assertTrue(generated.runName().matches("[a-z]+-[a-z]+-\\d+"), generated.runName());
        assertEquals(generated.runName(), store.getRun(generated.runId()).orElseThrow().data().tags().get(SystemTags.RUN_NAME));
    }

    @Test
    void updateRunSetsStatusEndTimeAndName() {
        String id = store.createRun("0", "u", 10, "old", List.of()).runId();
        store.updateRun(id, RunStatus.FINISHED, 20L, null);
        RunInfo info = store.getRun(id).orElseThrow().info();
        assertEquals(RunStatus.FINISHED, info.status());
        assertEquals(20L, info.endTime());
        assertEquals("old", info.runName());

        store.updateRun(id, null, null, "new");
        Run run = store.getRun(id).orElseThrow();
        assertEquals(RunStatus.FINISHED, run.info().status());
        assertEquals(20L, run.info().endTime());
        assertEquals("new", run.info().runName());
        assertEquals("new", run.data().tags().get(SystemTags.RUN_NAME));

        JrunsException e = assertThrows(JrunsException.class,
                () -> store.updateRun("0123456789abcdef0123456789abcdef", RunStatus.FAILED, 1L, null));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());
    }

    @Test
    void aDeletedRunIsNotUpdatedUntilRestored() {
        String id = store.createRun("0", "u", 10, "old", List.of()).runId();
        store.deleteRun(id);
        JrunsException e = assertThrows(JrunsException.class, () -> store.updateRun(id, RunStatus.FINISHED, 20L, "new"));
        assertEquals(JrunsException.Code.INVALID_STATE, e.code());
        assertTrue(e.getMessage().contains(id) && e.getMessage().contains("deleted"), e.getMessage());
        RunInfo info = store.getRun(id).orElseThrow().info();
        assertEquals(RunStatus.RUNNING, info.status());
        assertEquals("old", info.runName());

        store.restoreRun(id);
        store.updateRun(id, RunStatus.FINISHED, 20L, "new");
        assertEquals("new", store.getRun(id).orElseThrow().info().runName());
    }

    @Test
    void aRunDeletedWhileItRunsStillGetsItsWritersEnd() {
        String id = store.createRun("0", "u", 10, "r", List.of()).runId();
        store.deleteRun(id);
        assertTrue(store.logBatches(List.of(), List.of(), List.of(new RunEnd(id, RunStatus.FINISHED, 30L)), false).isEmpty());
        store.restoreRun(id);
        RunInfo info = store.getRun(id).orElseThrow().info();
        assertEquals(RunStatus.FINISHED, info.status());
        assertEquals(30L, info.endTime());
    }

    @Test
    void deleteAndRestore() {
        String id = store.createRun("0", "u", 10, "r", List.of()).runId();
        long before = System.currentTimeMillis();
        store.deleteRun(id);
        RunInfo deleted = store.getRun(id).orElseThrow().info();
        assertEquals(LifecycleStage.DELETED, deleted.lifecycleStage());
        assertTrue(deleted.deletedTime() >= before, "deleted time recorded");
        assertTrue(store.listRuns(List.of("0"), ViewType.ACTIVE_ONLY, 100).isEmpty());
        assertEquals(1, store.listRuns(List.of("0"), ViewType.DELETED_ONLY, 100).size());

        store.restoreRun(id);
        RunInfo restored = store.getRun(id).orElseThrow().info();
        assertEquals(LifecycleStage.ACTIVE, restored.lifecycleStage());
        assertNull(restored.deletedTime());
        assertThrows(JrunsException.class, () -> store.deleteRun("0123456789abcdef0123456789abcdef"));
        assertThrows(JrunsException.class, () -> store.restoreRun("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void listRunsNewestFirstFilteredAndLimited() {
        String other = store.createExperiment("other", null, Map.of());
        String a = store.createRun("0", "u", 1000, "a", List.of()).runId();
        String c = store.createRun("0", "u", 3000, "c", List.of()).runId();
        String b = store.createRun("0", "u", 2000, "b", List.of()).runId();
        String x = store.createRun(other, "u", 2500, "x", List.of()).runId();
        store.deleteRun(b);

        assertEquals(List.of(c, a), ids(store.listRuns(List.of("0"), ViewType.ACTIVE_ONLY, 100)));
        assertEquals(List.of(c, b, a), ids(store.listRuns(List.of("0"), ViewType.ALL, 100)));
        assertEquals(List.of(b), ids(store.listRuns(List.of("0"), ViewType.DELETED_ONLY, 100)));
        assertEquals(List.of(c, x, b, a), ids(store.listRuns(List.of("0", other), ViewType.ALL, 100)));
        assertEquals(List.of(c, x), ids(store.listRuns(List.of("0", other), ViewType.ALL, 2)));
        assertEquals(List.of(), ids(store.listRuns(List.of(), ViewType.ALL, 100)));
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }

    @Test
    void reopeningKeepsEverythingAndDoesNotMigrateAgain() throws Exception {
        String exp = store.createExperiment("kept", null, Map.of("t", "1"));
        String run = store.createRun(exp, "u", 5, "r", List.of()).runId();
        store.updateRun(run, RunStatus.FINISHED, 6L, null);
        store.close();

        store = EmbeddedStore.inHome(dir);
        assertEquals(Map.of("t", "1"), store.getExperimentByName("kept").orElseThrow().tags());
        assertEquals(RunStatus.FINISHED, store.getRun(run).orElseThrow().info().status());
        assertEquals(2, store.listExperiments(ViewType.ALL).size(), "Default is not created twice");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, Schema.latestVersion()).boxed().toList(), schemaVersions());
    }

    @Test
    void storeFromANewerJrunsIsRefusedClearly() throws Exception {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version) VALUES (" + (Schema.latestVersion() + 5) + ")");
        }
        JrunsException e = assertThrows(JrunsException.class, () -> EmbeddedStore.inHome(dir));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("newer jruns") && msg.contains("v" + (Schema.latestVersion() + 5)), msg);
        assertTrue(msg.contains("jruns.db"), "names the store: " + msg);
    }

    private List<Integer> schemaVersions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> out = new java.util.ArrayList<>();
            while (rs.next()) out.add(rs.getInt(1));
            return out;
        }
    }

    private String journalMode() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
