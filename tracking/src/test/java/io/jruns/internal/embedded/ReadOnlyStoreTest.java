package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store opened to read only: everything reads, nothing in its files changes, each write says why it is refused. */
class ReadOnlyStoreTest {
    @TempDir
    Path home;
    String runId;

    @BeforeEach
    void logOneRun() {
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            runId = s.createRun("0", "u", 1_000L, "kept", List.of()).runId();
            s.logBatch(new LogBatch(runId, List.of(new Metric("loss", 0.5, 1_000L, 0), new Metric("loss", 0.25, 1_001L, 1)),
                    List.of(new Param("lr", "0.1")), List.of(new RunTag("team", "a"))));
        }
    }

    @Test
    void readsEverythingAndRefusesEveryWriteLeavingTheFileAsItWas() throws Exception {
        String before = digest(home.resolve("jruns.db"));
        try (EmbeddedStore s = EmbeddedStore.toRead(home.resolve("jruns.db"), home.resolve("artifacts"))) {
            assertEquals("0.1", s.getRun(runId).orElseThrow().data().params().get("lr"));
            assertEquals(2, s.getMetricHistory(runId, "loss").size());
            assertEquals(1, s.searchRuns(SearchRequest.builder().experiments("0").filter("params.lr = '0.1'").build()).runs().size());
            Path file = Files.writeString(home.resolveSibling(home.getFileName() + "-a.txt"), "x");
            Map<String, Executable> writes = new LinkedHashMap<>();
            writes.put("createRun", () -> s.createRun("0", "u", 2_000L, "new", List.of()));
            writes.put("logBatch", () -> s.logBatch(new LogBatch(runId, List.of(), List.of(new Param("b", "1")), List.of())));
            writes.put("updateRun", () -> s.updateRun(runId, RunStatus.FINISHED, 3_000L, null));
            writes.put("deleteRun", () -> s.deleteRun(runId));
            writes.put("createExperiment", () -> s.createExperiment("e", null, Map.of()));
            writes.put("gc", () -> s.gc(Long.MAX_VALUE, null));
            writes.put("compact", s::compact);
            writes.put("logArtifact", () -> s.logArtifact(runId, file, null));
            assertAll(writes.entrySet().stream().map(w -> () -> {
                JrunsException e = assertThrows(JrunsException.class, w.getValue(), w.getKey());
                assertEquals("the jruns store " + home.resolve("jruns.db") + " is open to read only (opened only to read it):"
                        + " it cannot be changed", e.getMessage(), w.getKey());
            }));
        }
        assertEquals(before, digest(home.resolve("jruns.db")), "not a byte of the store changed");
        assertTrue(Files.notExists(home.resolve("artifacts").resolve("0").resolve(runId).resolve("artifacts").resolve("x.txt")));
    }

    @Test
    void aRunWhoseProcessDiedIsLeftAsItIsUntilAWritableOpen() throws Exception {
        LivenessTest.setOwner(home, runId, Liveness.HOST, Integer.MAX_VALUE, 0, System.currentTimeMillis() - 60_000);
        try (EmbeddedStore s = EmbeddedStore.toRead(home.resolve("jruns.db"), home.resolve("artifacts"))) {
            assertEquals(RunStatus.RUNNING, s.getRun(runId).orElseThrow().info().status());
        }
        try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
            assertEquals(RunStatus.KILLED, s.getRun(runId).orElseThrow().info().status(), "a writable open ends it");
        }
    }

    @Test
    void aStoreOfAnOlderSchemaIsNotUpgradedButNamed() throws Exception {
        int latest = Schema.latestVersion();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"))) {
            Connections.exec(c, "DELETE FROM schema_version WHERE version = " + latest);
        }
        String before = digest(home.resolve("jruns.db"));
        JrunsException e = assertThrows(JrunsException.class,
                () -> EmbeddedStore.toRead(home.resolve("jruns.db"), home.resolve("artifacts")));
        assertEquals("the jruns store at " + home.resolve("jruns.db") + " was written by an older jruns (schema v"
                + (latest - 1) + ", this jruns reads v" + latest + ") and is opened only to read it:"
                + " open it once where it can be written, to upgrade it", e.getMessage());
        assertEquals(before, digest(home.resolve("jruns.db")));
    }

    @Test
    void aSqliteFileThatIsNotAStoreAndAMissingOneAreNamed(@TempDir Path other) throws Exception {
        Path foreign = other.resolve("mlflow.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            Connections.exec(c, "CREATE TABLE runs (run_uuid TEXT)");
        }
        assertEquals(foreign + " is not a jruns store: it has no jruns schema", assertThrows(JrunsException.class,
                () -> EmbeddedStore.toRead(foreign, other.resolve("artifacts"))).getMessage());
        assertEquals("no jruns store at " + other.resolve("none.db") + " to read", assertThrows(JrunsException.class,
                () -> EmbeddedStore.toRead(other.resolve("none.db"), other.resolve("artifacts"))).getMessage());
    }

    @Test
    void anImmutableReadOpensAgainWhenTheOwnerLogsAgain() throws Exception {
        // a reader who cannot write the folder reads an idle store as immutable; its owner may log again any time
        try (Database ro = Database.toReadImmutable(home.resolve("jruns.db"), "a test")) {
            assertEquals(1, runs(ro));
            int seen = 1;
            try (EmbeddedStore owner = EmbeddedStore.inHome(home)) {
                for (int i = 0; i < 120; i++) {
                    String id = owner.createRun("0", "u", 2_000L + i, "more", List.of()).runId();
                    List<Param> params = new java.util.ArrayList<>();
                    for (int p = 0; p < 30; p++) params.add(new Param("p" + p, "v".repeat(200) + i));
                    owner.logBatch(new LogBatch(id, List.of(), params, List.of()));
                    int now = runs(ro); // neither stale for good nor "malformed" while the file changes under it
                    assertTrue(now >= seen, now + " after " + seen);
                    seen = now;
                }
            }
            assertEquals(121, runs(ro));
        }
    }

    private static int runs(Database db) {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM runs")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
