package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunInfo;
import io.jruns.domain.ViewType;
import io.jruns.store.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Artifacts through the server's proxy, and bulk delete/restore by time with and without Databricks' endpoints. */
class RestArtifactsAndBulkTest {
    @TempDir
    Path dir;
    RestFixture fx;
    RestStore store;

    @BeforeEach
    void setUp() throws Exception {
        fx = new RestFixture(dir.resolve("home"));
        store = fx.store();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void filesAndFoldersGoUpAndComeBack() throws Exception {
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/a.txt"), "hello artifact");
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) i;
        Files.write(src.resolve("b b.bin"), binary);
        store.logArtifact(run, dir.resolve("src"), "model");
        store.logArtifact(run, dir.resolve("src/a.txt"), "");
        assertTrue(fx.fake.state.artifacts.containsKey("0/" + run + "/artifacts/model/sub/b b.bin"),
                fx.fake.state.artifacts.keySet().toString());
        assertEquals(List.of(new FileInfo("model", true, null), new FileInfo("a.txt", false, 14L)),
                store.listArtifacts(run, ""));
        assertEquals(List.of(new FileInfo("model/sub", true, null), new FileInfo("model/a.txt", false, 14L)),
                store.listArtifacts(run, "model"));
        Path file = store.downloadArtifact(run, "model/sub/b b.bin");
        assertArrayEquals(binary, Files.readAllBytes(file));
        Path folder = store.downloadArtifact(run, "model");
        assertEquals("hello artifact", Files.readString(folder.resolve("a.txt")));
        assertArrayEquals(binary, Files.readAllBytes(folder.resolve("sub/b b.bin")));
        assertTrue(folder.startsWith(dir.resolve("home").resolve("cache")), folder.toString());
        JrunsException missing = assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "nope.txt"));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, missing.code());
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "../other/x"));
        assertThrows(JrunsException.class, () -> store.logArtifact(run, dir.resolve("src/a.txt"), "/abs"));
    }

    @ParameterizedTest
    @CsvSource({"s3://bucket/1/abc/artifacts, s3", "dbfs:/databricks/mlflow-tracking/1/abc, dbfs",
            "gs://b/x, gs", "file:///srv/mlruns/1/abc/artifacts, file", "/srv/mlruns/1/abc, a local path on the server"})
    void otherArtifactSchemesAreAClearError(String uri, String named) {
        JrunsException e = assertThrows(JrunsException.class, () -> ArtifactPaths.root("abc", uri));
        assertEquals(JrunsException.Code.NOT_IMPLEMENTED, e.code());
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains("artifact proxy"), e.getMessage());
    }

    @Test
    void proxyUrisOfBothShapes() {
        assertEquals("1/abc/artifacts", ArtifactPaths.root("abc", "mlflow-artifacts:/1/abc/artifacts"));
        assertEquals("1/abc/artifacts", ArtifactPaths.root("abc", "mlflow-artifacts://host:5000/1/abc/artifacts/"));
    }

    private List<String> makeRuns() {
        String exp = store.createExperiment("bulk", null, java.util.Map.of());
        for (int i = 1; i <= 5; i++) store.createRun(exp, "u", i * 100L, "r" + i, List.of());
        return List.of(exp);
    }

    @Test
    void bulkDeleteFallsBackToPerRunCallsWhenTheServerHasNoEndpoint() {
        String exp = makeRuns().get(0);
        assertEquals(2, store.deleteRunsCreatedBefore(exp, 350, 2, Progress.NONE));
        assertEquals(List.of("r1", "r2"), names(exp, ViewType.DELETED_ONLY));
        assertEquals(1, fx.fake.count("databricks/runs/delete-runs"), "tried once, answered with HTML 404");
        assertEquals(1, store.deleteRunsCreatedBefore(exp, 350, 10, Progress.NONE));
        long since = System.currentTimeMillis() - 60_000;
        assertEquals(3, store.restoreRunsDeletedSince(exp, since, 10, Progress.NONE));
        assertEquals(List.of(), names(exp, ViewType.DELETED_ONLY));
        assertEquals(LifecycleStage.ACTIVE, fx.fake.state.runs.values().iterator().next().stage);
    }

    @Test
    void bulkDeleteUsesDatabricksEndpointsWhereTheyExist() {
        fx.fake.databricks = true;
        String exp = makeRuns().get(0);
        assertEquals(3, store.deleteRunsCreatedBefore(exp, 300, 10, Progress.NONE));
        assertEquals(0, fx.fake.seen().stream().filter(s -> s.path().endsWith("/mlflow/runs/delete")).count(),
                "no per-run calls");
        assertEquals(3, names(exp, ViewType.DELETED_ONLY).size());
        assertEquals(3, store.restoreRunsDeletedSince(exp, 0, 10, Progress.NONE));
        assertThrows(JrunsException.class, () -> store.deleteRunsCreatedBefore(exp, -1, 10, Progress.NONE));
    }

    private List<String> names(String exp, ViewType view) {
        return store.listRuns(List.of(exp), view, 100).stream().map(r -> r.info().runName()).sorted().toList();
    }

    @Test
    void runInfoHasTheServersArtifactUri() {
        RunInfo i = store.createRun("0", "u", 1, "r", List.of());
        assertEquals("mlflow-artifacts:/0/" + i.runId() + "/artifacts", i.artifactUri());
    }
}
