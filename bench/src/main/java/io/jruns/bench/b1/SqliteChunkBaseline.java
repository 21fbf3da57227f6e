package io.jruns.bench.b1;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * B1's storage-limit baseline: the bytes jruns writes, written as directly as sqlite-jdbc can.
 * Points are pre-packed 1,000 to a chunk per key, 24 bytes each (step, timestamp, raw value
 * bits, as the embedded store packs them), inserted as blobs into a table shaped like its
 * metric_chunks, in one transaction of a fresh WAL-mode file. Packing happens before the clock
 * starts: this is what the disk and SQLite allow, the ceiling for jruns end to end.
 * SQLite's autocheckpoint copies the WAL back inside the commit; {@code checkpoint} false
 * turns it off, for the limit without that work (jruns checkpoints on a thread of its own).
 */
final class SqliteChunkBaseline {
    static final int CHUNK = 1_000;

    private SqliteChunkBaseline() {
    }

    /** Returns the nanoseconds from BEGIN until COMMIT returned. */
    static long run(Path dir, Workload w, boolean checkpoint) throws SQLException {
        String[] keys = w.keyNames();
        int chunksPerKey = (w.steps() + CHUNK - 1) / CHUNK;
        byte[][][] packed = new byte[keys.length][chunksPerKey][];
        long now = System.currentTimeMillis();
        for (int k = 0; k < keys.length; k++) {
            for (int c = 0; c < chunksPerKey; c++) {
                int from = c * CHUNK;
                int to = Math.min(w.steps(), from + CHUNK);
                ByteBuffer buf = ByteBuffer.allocate((to - from) * 24);
                for (int step = from; step < to; step++) {
                    buf.putLong(step).putLong(now).putLong(Double.doubleToRawLongBits(Workload.value(k, step)));
                }
                packed[k][c] = buf.array();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("chunks.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                if (!checkpoint) s.execute("PRAGMA wal_autocheckpoint=0");
                s.execute("CREATE TABLE metric_chunks (id INTEGER PRIMARY KEY, rid INTEGER NOT NULL, key TEXT NOT NULL,"
                        + " n INTEGER NOT NULL, points BLOB NOT NULL)");
                s.execute("CREATE INDEX metric_chunks_by_run_key ON metric_chunks (rid, key, id)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_chunks (rid, key, n, points) VALUES (1, ?, ?, ?)")) {
                for (int chunk = 0; chunk < chunksPerKey; chunk++) { // in step order, as points arrive
                    for (int k = 0; k < keys.length; k++) {
                        ps.setString(1, keys[k]);
                        ps.setInt(2, packed[k][chunk].length / 24);
                        ps.setBytes(3, packed[k][chunk]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            long elapsed = System.nanoTime() - t0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(n) FROM metric_chunks")) {
                rs.next();
                if (rs.getLong(1) != w.points()) throw new IllegalStateException("B1 chunk baseline stored " + rs.getLong(1) + " points");
            }
            return elapsed;
        }
    }
}
