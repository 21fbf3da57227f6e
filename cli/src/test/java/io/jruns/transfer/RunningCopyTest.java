package io.jruns.transfer;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A run copied or imported while it runs stays RUNNING in an embedded target after the copying
 * process is gone (it owns none of the copies), so copying again brings its later points, tags,
 * status and end time.
 */
class RunningCopyTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return EmbeddedStore.inHome(dir.resolve(name));
    }

    /** As if every process that owned a run of the store had exited: its owner becomes a pid no process has. */
    private void ownersGone(String name) throws Exception {
        sql(name, "UPDATE runs SET owner_pid = 2147483647, owner_start = 0 WHERE owner_pid IS NOT NULL");
    }

    private void sql(String store, String update) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(store).resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(update);
        }
    }

    @Test
    void aCopyEndedAsDeadByAnEarlierJrunsIsCopiedAgain() throws Exception {
        String src;
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            src = a.createRun("0", "ann", 1_000, "live", List.of()).runId();
            a.logBatch(new LogBatch(src, List.of(new Metric("m", 1.0, 1_100, 0)), List.of(), List.of()));
            Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
        }
        // owned by the copying process, as earlier builds made it, long gone (on another host: no heartbeat since)
        sql("b", "UPDATE runs SET owner_host = 'copying-host', owner_pid = 1, owner_start = 0, heartbeat = 0");
        try (EmbeddedStore b = embedded("b")) {
            assertEquals(RunStatus.KILLED, activeCopy(b).info().status(), "ended by the target as dead");
        }
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            a.logBatch(new LogBatch(src, List.of(new Metric("m", 2.0, 1_200, 1)), List.of(), List.of(new RunTag("phase", "done"))));
            a.updateRun(src, RunStatus.FINISHED, 2_000L, null);
            TransferReport again = Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
            assertEquals(1, again.refreshed(), again.summary("copied", "to b"));
            assertEnded(b, 2_000L, List.of(1.0, 2.0), "done");
            assertNull(activeCopy(b).data().tags().get(SystemTags.KILLED_REASON));
            assertEquals(1, Transfers.copy(a, "a", b, Selection.all(), Progress.NONE).skipped(), "copied as it ended");
        }
    }

    @Test
    void aRunEndedAsDeadInItsSourceIsCopiedOnce() throws Exception {
        try (EmbeddedStore a = embedded("a")) {
            a.createRun("0", "ann", 1_000, "died", List.of());
        }
        ownersGone("a");
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
            assertEquals(RunStatus.KILLED, activeCopy(b).info().status());
            TransferReport again = Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
            assertEquals(1, again.skipped(), "its KILLED reason is its source's: " + again.summary("copied", "to b"));
            assertEquals(0, again.refreshed());
        }
    }

    @Test
    void aRunningRunCopiedStaysRunningAndCopyingAgainBringsItsEnd() throws Exception {
        String src;
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            src = a.createRun("0", "ann", 1_000, "live", List.of()).runId();
            a.logBatch(new LogBatch(src, List.of(new Metric("m", 1.0, 1_100, 0)), List.of(), List.of()));
            Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
        }
        ownersGone("b");
        try (EmbeddedStore b = embedded("b")) {
            Run copy = activeCopy(b);
            assertEquals(RunStatus.RUNNING, copy.info().status(), "the copying process did not own it");
            assertNull(copy.info().endTime());
            assertNull(copy.data().tags().get(SystemTags.KILLED_REASON));
        }
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            a.logBatch(new LogBatch(src, List.of(new Metric("m", 2.0, 1_200, 1)), List.of(), List.of(new RunTag("phase", "done"))));
            a.updateRun(src, RunStatus.FINISHED, 2_000L, null);
            TransferReport again = Transfers.copy(a, "a", b, Selection.all(), Progress.NONE);
            assertEquals(1, again.refreshed(), again.summary("copied", "to b"));
            assertEquals(0, again.skipped(), again.summary("copied", "to b"));
            assertEnded(b, 2_000L, List.of(1.0, 2.0), "done");
        }
    }

    @Test
    void aRunningMlrunsRunImportedStaysRunningAndImportingAgainBringsItsEnd() throws Exception {
        Path mlruns = dir.resolve("mlruns");
        Path exp = mlruns.resolve("5");
        Path run = exp.resolve("0123456789abcdef0123456789abcdef");
        for (String d : List.of("metrics", "params", "tags")) Files.createDirectories(run.resolve(d));
        Files.writeString(exp.resolve("meta.yaml"), "artifact_location: file:///x/mlruns/5\ncreation_time: 1700000000000\n"
                + "experiment_id: '5'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: py-exp\n");
        String meta = "artifact_uri: file:///x/mlruns/5/0123456789abcdef0123456789abcdef/artifacts\nend_time: null\n"
                + "entry_point_name: ''\nexperiment_id: '5'\nlifecycle_stage: active\nrun_id: 0123456789abcdef0123456789abcdef\n"
                + "run_name: fox\nrun_uuid: 0123456789abcdef0123456789abcdef\nsource_name: ''\nsource_type: 4\n"
                + "source_version: ''\nstart_time: 1700000000000\nstatus: 1\ntags: []\nuser_id: alice\n";
        Files.writeString(run.resolve("meta.yaml"), meta);
        Files.writeString(run.resolve("metrics/m"), "1700000000001 1.0 0\n");
        Files.writeString(run.resolve("tags/mlflow.runName"), "fox");
        try (EmbeddedStore b = embedded("b")) {
            Transfers.importDir(mlruns, b, Selection.all(), Progress.NONE);
        }
        ownersGone("b");
        try (EmbeddedStore b = embedded("b")) {
            assertEquals(RunStatus.RUNNING, activeCopy(b).info().status(), "status 1 in meta.yaml, and the importer is gone");
        }
        Files.writeString(run.resolve("meta.yaml"), meta.replace("status: 1", "status: 3")
                .replace("end_time: null", "end_time: 1700000009000"));
        Files.writeString(run.resolve("metrics/m"), "1700000000001 1.0 0\n1700000000002 2.0 1\n");
        Files.writeString(run.resolve("tags/phase"), "done");
        try (EmbeddedStore b = embedded("b")) {
            TransferReport again = Transfers.importDir(mlruns, b, Selection.all(), Progress.NONE);
            assertEquals(1, again.refreshed(), again.summary("imported", "into b"));
            assertEnded(b, 1_700_000_009_000L, List.of(1.0, 2.0), "done");
        }
    }

    /** The target's one active run: the copy of the source as it is now. */
    private static Run activeCopy(EmbeddedStore b) {
        List<Run> active = b.listExperiments(ViewType.ALL).stream()
                .flatMap(e -> b.listRuns(List.of(e.experimentId()), ViewType.ACTIVE_ONLY, 10).stream()).toList();
        assertEquals(1, active.size(), active.toString());
        assertEquals(LifecycleStage.ACTIVE, active.get(0).info().lifecycleStage());
        return active.get(0);
    }

    private static void assertEnded(EmbeddedStore b, Long end, List<Double> values, String phase) {
        Run copy = activeCopy(b);
        assertEquals(RunStatus.FINISHED, copy.info().status());
        assertEquals(end, copy.info().endTime());
        assertEquals(phase, copy.data().tags().get("phase"));
        assertEquals(values, b.getMetricHistory(copy.runId(), "m").stream().map(Metric::value).toList());
    }
}
