package io.jruns.bench.b1;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * B1's raw baseline: the same rows through plain sqlite-jdbc, batched prepared statements in
 * one transaction, into a plain table of a fresh WAL-mode SQLite file.
 */
final class SqliteBaseline {
    /** Rows per executeBatch: one batch of all rows would not fit in the benchmark's heap. */
    static final int BATCH = 10_000;
    private static final String RUN_ID = "0123456789abcdef0123456789abcdef";

    private SqliteBaseline() {
    }

    /** Returns the nanoseconds from BEGIN until COMMIT returned. */
    static long run(Path dir, Workload w) throws SQLException {
        String[] keys = w.keyNames();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("baseline.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE metrics (run_id TEXT, key TEXT, value REAL, timestamp INTEGER, step INTEGER)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, key, value, timestamp, step) VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (int step = 0; step < w.steps(); step++) {
                    for (int k = 0; k < keys.length; k++) {
                        ps.setString(1, RUN_ID);
                        ps.setString(2, keys[k]);
                        ps.setDouble(3, Workload.value(k, step));
                        ps.setLong(4, System.currentTimeMillis());
                        ps.setLong(5, step);
                        ps.addBatch();
                        if (++pending == BATCH) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) ps.executeBatch();
            }
            c.commit();
            long elapsed = System.nanoTime() - t0;
            verify(c, w);
            return elapsed;
        }
    }

    private static void verify(Connection c, Workload w) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM metrics")) {
            rs.next();
            if (rs.getLong(1) != w.points()) throw new IllegalStateException("B1 baseline stored " + rs.getLong(1) + " rows");
        }
    }
}
