package io.jruns.internal.embedded;

import io.jruns.domain.LifecycleStage;
import io.jruns.store.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A store written by the first jruns (schema v1) opens, upgrades, and its deleted runs restore. */
class MigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneStoreUpgradesInPlace() throws Exception {
        String run = "ab".repeat(16);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : Schema.MIGRATIONS.get(0)) s.execute(sql);
            s.execute("INSERT INTO schema_version (version) VALUES (1)");
            s.execute("INSERT INTO experiments VALUES (0, 'Default', 'file:/x', 'active', 1, 1)");
            s.execute("INSERT INTO runs (run_uuid, experiment_id, name, status, start_time, lifecycle_stage, deleted_time, "
                    + "artifact_uri) VALUES ('" + run + "', 0, 'old', 'FINISHED', 1, 'deleted', " + (System.currentTimeMillis() - 1000)
                    + ", 'file:/x/r')"); // deleted a moment ago: the first open's gc keeps it
        }
        try (EmbeddedStore store = EmbeddedStore.inHome(dir)) {
            assertEquals(LifecycleStage.DELETED, store.getRun(run).orElseThrow().info().lifecycleStage());
            assertEquals(1, store.restoreRuns(java.util.List.of(run), Progress.NONE));
            assertEquals(LifecycleStage.ACTIVE, store.getRun(run).orElseThrow().info().lifecycleStage());
        }
    }
}
