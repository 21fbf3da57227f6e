package io.jruns.transfer;

import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.ViewType;
import io.jruns.store.Progress;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.internal.rest.FakeServerAccess;
import io.jruns.internal.rest.RestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export, import and copy keep everything; copying again adds nothing. */
class TransferTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    @Test
    void exportThenImportKeepsEverything() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            List<String> progress = new ArrayList<>();
            Path out = dir.resolve("export");
            TransferReport exported = Transfers.export(a, out, Selection.all(),
                    (what, done, total) -> progress.add(what + " " + done + "/" + total));
            assertEquals(5, exported.runs());
            assertEquals("runs exported 5/5", progress.get(progress.size() - 1));
            checkLayout(a, out);
            TransferReport imported = Transfers.importDir(out, b, Selection.all(), Progress.NONE);
            assertEquals(5, imported.runs());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
            TransferReport again = Transfers.importDir(out, b, Selection.all(), Progress.NONE);
            assertEquals(0, again.runs());
            assertEquals(5, again.skipped());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b), "importing twice adds nothing");
        }
    }

    private static void checkLayout(EmbeddedStore a, Path out) throws Exception {
        Experiment e = a.getExperimentByName("exp one").orElseThrow();
        Path expDir = out.resolve(e.experimentId());
        String expMeta = Files.readString(expDir.resolve("meta.yaml"));
        assertTrue(expMeta.contains("experiment_id: '" + e.experimentId() + "'\n"), expMeta);
        assertTrue(expMeta.contains("name: exp one\n") && expMeta.contains("lifecycle_stage: active\n"), expMeta);
        assertEquals("ml", Files.readString(expDir.resolve("tags/team")));
        var parent = a.listRuns(List.of(e.experimentId()), ViewType.ALL, 100).stream()
                .filter(r -> r.info().runName().equals("parent")).findFirst().orElseThrow();
        Path runDir = expDir.resolve(parent.runId());
        String meta = Files.readString(runDir.resolve("meta.yaml"));
        for (String line : List.of("end_time: 9999", "entry_point_name: ''", "lifecycle_stage: active",
                "run_name: parent", "source_type: 4", "start_time: 1000", "status: 3", "tags: []", "user_id: ann",
                // plain as PyYAML writes it (MLflow's own: "name: wine quality"), quoted only when all digits
                "run_uuid: " + (parent.runId().matches("[0-9]+") ? "'" + parent.runId() + "'" : parent.runId()))) {
            assertTrue(meta.contains(line + "\n"), line + " in\n" + meta);
        }
        List<String> lines = Files.readAllLines(runDir.resolve("metrics/loss"));
        assertEquals(2501, lines.size());
        assertEquals("2000 1.0 0", lines.get(0));
        assertEquals("9000 nan 2500", lines.get(2500));
        assertEquals(List.of("3 inf 0", "4 -inf 1", "5 1.0E-300 1"), Files.readAllLines(runDir.resolve("metrics/val/acc")));
        assertEquals("64", Files.readString(runDir.resolve("params/layers/0/units")));
        assertEquals("# Notes\nline 2", Files.readString(runDir.resolve("tags/mlflow.note.content")));
        assertTrue(Files.isRegularFile(runDir.resolve("artifacts/model/MLmodel")));
        assertTrue(Files.readString(expDir.resolve(a.listRuns(List.of(e.experimentId()), ViewType.DELETED_ONLY, 1).get(0)
                .runId()).resolve("meta.yaml")).contains("lifecycle_stage: deleted\n"));
    }

    @Test
    void exportOfSomeRuns() throws Exception {
        try (EmbeddedStore a = embedded("a")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            TransferReport r = Transfers.export(a, dir.resolve("x"), new Selection(List.of("exp one"), "params.fold = '1'"),
                    Progress.NONE);
            assertEquals(1, r.runs());
            assertEquals(1, r.experiments());
        }
    }

    @Test
    void importsARealMlflowFolder() throws Exception {
        Path mlruns = Paths.get(getClass().getResource("/mlruns-2.12").toURI());
        try (EmbeddedStore b = embedded("b")) {
            TransferReport r = Transfers.importDir(mlruns, b, Selection.all(), Progress.NONE);
            assertEquals(3, r.runs(), "the deleted experiment in .trash is not imported unless named");
            Map<String, RunSnapshot> runs = RunSnapshot.of(b);
            RunSnapshot parent = runs.get("wine quality/wistful-ant-659");
            assertEquals(List.of("1721450907222 0.52 0", "1721450907225 0.31 1", "1721450907228 NaN 2"),
                    parent.metrics().get("rmse"));
            assertEquals(List.of("1721450907223 1.0E-5 0", "1721450907229 Infinity 1"), parent.metrics().get("val/loss"));
            assertEquals(Map.of("alpha", "0.5", "model", "elasticnet"), parent.params());
            assertEquals("## Wine\nfirst try, *elastic net*", parent.tags().get("mlflow.note.content"));
            assertEquals(Long.valueOf(1721450907230L), parent.end());
            assertEquals(2, parent.artifacts().size());
            assertEquals("89504e470d0a1a0a000102ff", parent.artifacts().get("residuals.png"));
            RunSnapshot child = runs.get("wine quality/fold: 1");
            assertEquals("wistful-ant-659", child.parent(), "the parent link points to the imported parent");
            assertEquals(io.jruns.domain.RunStatus.FAILED, child.status());
            assertEquals(LifecycleStage.DELETED, runs.get("wine quality/beautiful-dog-902").stage());
            assertEquals(Long.valueOf(1721451000000L), runs.get("wine quality/beautiful-dog-902").deleted(),
                    "the deletion time read, not the time of the import");
            assertEquals("ann", b.getExperimentByName("wine quality").orElseThrow().tags().get("owner"));
            Experiment wine = b.getExperimentByName("wine quality").orElseThrow();
            assertEquals(1721450905103L, wine.creationTime(), "creation_time of its meta.yaml, not the time of the import");
            assertEquals(1721450905103L, wine.lastUpdateTime());
        }
    }

    @Test
    void anExperimentACopyMakesKeepsItsTimesWhereTheTargetCanSetThem() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b"); EmbeddedStore c = embedded("c");
             FakeServerAccess server = new FakeServerAccess(dir.resolve("home"))) {
            String exp = a.createExperiment("old one", null, Map.of(), 1_600_000_000_000L, 1_650_000_000_000L);
            a.createRun(exp, "ann", 1_600_000_001_000L, "r", List.of());
            Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            Experiment copied = b.getExperimentByName("old one").orElseThrow();
            assertEquals(1_600_000_000_000L, copied.creationTime(), "its source's, not the time of the copy");
            assertEquals(1_650_000_000_000L, copied.lastUpdateTime());

            long before = System.currentTimeMillis();
            RestStore rest = server.store();
            Transfers.copy(a, "sqlite:///a", rest, Selection.all(), Progress.NONE);
            long made = rest.getExperimentByName("old one").orElseThrow().creationTime();
            assertTrue(made >= before, "MLflow's REST API cannot set it: the server's time of the copy");
            Transfers.copy(rest, rest.describe(), c, Selection.all(), Progress.NONE);
            assertEquals(made, c.getExperimentByName("old one").orElseThrow().creationTime(), "the server's, kept onward");
        }
    }

    @Test
    void copyToAServerAndBackKeepsEverythingAndDoesNotDuplicate() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore c = embedded("c");
             FakeServerAccess server = new FakeServerAccess(dir.resolve("home"))) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            RestStore rest = server.store();
            TransferReport up = Transfers.copy(a, "sqlite:///a", rest, Selection.all(), Progress.NONE);
            assertEquals(5, up.runs());
            assertEquals(2501 + 3 + 2 + 1, up.metricPoints());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(rest));
            int onServer = server.runCount();
            TransferReport again = Transfers.copy(a, "sqlite:///a", rest, Selection.all(), Progress.NONE);
            assertEquals(0, again.runs());
            assertEquals(onServer, server.runCount(), "copying again made no runs");
            TransferReport down = Transfers.copy(rest, rest.describe(), c, Selection.all(), Progress.NONE);
            assertEquals(5, down.runs());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(c));
            assertFalse(rest.hasSpooled());
        }
    }
}
