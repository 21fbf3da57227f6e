package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.store.GcResult;
import io.jruns.store.Progress;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gc: purging old deleted runs for good, by hand and by itself once a day when a store opens. */
class PurgeTest {
    static final long DAY = 86_400_000L;
    @TempDir
    Path dir;
    EmbeddedStore store;
    String exp;

    @BeforeEach
    void open() {
        // A new store runs its daily gc in the background; on a loaded machine it could run after a
        // test's runs are dated back and purge them first. Closing waits for it; reopened, none is due.
        EmbeddedStore.inHome(dir).close();
        store = EmbeddedStore.inHome(dir);
        exp = store.createExperiment("gc", null, Map.of());
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    /** A run with data and a 5-byte artifact, deleted {@code daysAgo} days ago (null: active). */
    private String run(String name, Integer daysAgo) throws Exception {
        String id = store.createRun(exp, "u", 1, name, List.of(new RunTag("k", "v"))).runId();
        store.logBatch(new LogBatch(id, List.of(new Metric("m", 1, 1, 0)), List.of(new Param("p", "1")), List.of()));
        Path file = dir.resolve(name + ".txt");
        Files.writeString(file, "hello");
        store.logArtifact(id, file, "out");
        if (daysAgo != null) {
            store.deleteRun(id);
            sql("UPDATE runs SET deleted_time = " + (System.currentTimeMillis() - daysAgo * DAY) + " WHERE run_uuid = '" + id + "'");
        }
        return id;
    }

    private Path artifacts(String id) {
        return dir.resolve("artifacts").resolve(exp).resolve(id);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void purgesRowsAndArtifactsOfRunsDeletedBeforeTheCutoffOnly() throws Exception {
        String old = run("old", 40);
        String recent = run("recent", 3);
        String active = run("active", null);
        assertTrue(Files.exists(artifacts(old).resolve("out/old.txt")));

        GcResult r = store.gc(System.currentTimeMillis() - 30 * DAY, Progress.NONE);
        assertEquals(1, r.runsPurged());
        assertEquals(5, r.artifactBytesFreed());
        assertEquals(List.of(), r.problems());
        assertTrue(store.getRun(old).isEmpty());
        assertFalse(Files.exists(artifacts(old)));
        for (String table : List.of("params", "tags", "metric_summaries", "metric_chunks")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE rid NOT IN (SELECT rid FROM runs)"), table);
        }
        assertTrue(store.getRun(recent).isPresent());
        assertTrue(Files.exists(artifacts(recent).resolve("out/recent.txt")));
        assertEquals("1", store.getRun(active).orElseThrow().data().params().get("p"));
        assertEquals(0, store.gc(System.currentTimeMillis() - 30 * DAY, Progress.NONE).runsPurged());
    }

    @Test
    void aLinkInsideTheArtifactsIsRemovedNotFollowed() throws Exception {
        String old = run("linked", 40);
        Path outside = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(artifacts(old).resolve("link"), outside);
        store.gc(System.currentTimeMillis() - DAY, Progress.NONE);
        assertFalse(Files.exists(artifacts(old)));
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    }

    @Test
    void runsByItselfWhenAStoreOpensAndTheLastGcIsADayOld() throws Exception {
        String old = run("old", 31);
        String recent = run("recent", 29);
        store.close();
        sql("UPDATE store_meta SET value = '" + (System.currentTimeMillis() - DAY - 60_000) + "' WHERE key = 'gc.last_run_millis'");
        store = EmbeddedStore.inHome(dir);
        store.close(); // waits for the automatic gc
        store = EmbeddedStore.inHome(dir);
        assertTrue(store.getRun(old).isEmpty());
        assertTrue(store.getRun(recent).isPresent());
    }

    @Test
    void doesNotRunByItselfTwiceADay() throws Exception {
        String old = run("old", 31);
        store.close();
        store = EmbeddedStore.inHome(dir); // a gc ran when the store was created, moments ago
        store.close();
        store = EmbeddedStore.inHome(dir);
        assertTrue(store.getRun(old).isPresent());
        assertEquals(1, count("SELECT count(*) FROM store_meta WHERE key = 'gc.last_run_millis'"));
    }
}
