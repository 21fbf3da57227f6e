package io.jruns.internal.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies the WAL back into the database file on its own thread and connection, so the
 * writer's commits never wait for it (SQLite's autocheckpoint would run it inside the commit
 * that crosses the threshold). A PASSIVE checkpoint takes no lock writers or readers wait on.
 * The writer nudges after each commit; a checkpoint runs once the frames not yet copied back
 * pass ~4 MB, read from the wal-index header in the -shm file (mxFrame and nBackfill, a
 * documented format: sqlite.org/walformat.html) as SQLite has no WAL hook in sqlite-jdbc.
 * The WAL starts over at the first write after a pass that copied everything; under writes
 * without a pause no pass catches up, and the writer's own autocheckpoint (set far higher,
 * see Database) then copies the small rest, so the WAL stays bounded.
 */
final class Checkpointer implements AutoCloseable {
    static final long THRESHOLD_BYTES = 4L << 20;
    /**
     * A second without commits counts as idle; without a readable -shm header (another VFS, a
     * format change) passes run at most this often.
     */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int WAL_INDEX_VERSION = 3007000;

    private final Connection connection;
    private final Path shm;
    private final Thread thread;
    private volatile boolean closing;
    private long lastBlind = System.nanoTime();

    Checkpointer(Path dbFile, Connection connection) {
        this.connection = connection;
        this.shm = dbFile.resolveSibling(dbFile.getFileName() + "-shm");
        this.thread = new Thread(this::loop, "jruns-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** A commit went into the WAL: look at its size soon. Cheap enough for every commit. */
    void nudge() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (!closing) {
            long parked = System.nanoTime();
            LockSupport.parkNanos(this, IDLE_NANOS);
            if (closing) return;
            boolean idle = System.nanoTime() - parked >= IDLE_NANOS;
            try {
                if (due(idle)) checkpoint();
            } catch (SQLException | RuntimeException e) {
                // Not fatal: the WAL only grows until the next pass (or the writer's backstop).
                System.err.println("jruns: WAL checkpoint skipped: " + e.getMessage());
            }
        }
    }

    /** Past the threshold; or idle with anything left (then the next write starts the WAL over). */
    private boolean due(boolean idle) {
        long pending = pendingBytes();
        if (pending >= 0) return pending >= THRESHOLD_BYTES || (idle && pending > 0);
        long now = System.nanoTime();
        if (now - lastBlind < IDLE_NANOS) return false;
        lastBlind = now;
        return true;
    }

    /** Bytes in the WAL not yet copied back, or -1 when the wal-index header cannot be read. */
    long pendingBytes() {
        ByteBuffer header = ByteBuffer.allocate(100).order(ByteOrder.nativeOrder());
        try (FileChannel ch = FileChannel.open(shm, StandardOpenOption.READ)) {
            while (header.hasRemaining()) if (ch.read(header, header.position()) < 0) break;
        } catch (IOException e) {
            return -1;
        }
        if (header.hasRemaining() || header.getInt(0) != WAL_INDEX_VERSION) return -1;
        int pageSize = Short.toUnsignedInt(header.getShort(14));
        if (pageSize == 1) pageSize = 65536; // how the header spells 64 KiB
        long mxFrame = Integer.toUnsignedLong(header.getInt(16));
        long backfilled = Integer.toUnsignedLong(header.getInt(96));
        return Math.max(0, mxFrame - backfilled) * (pageSize + 24L);
    }

    /** One PASSIVE checkpoint: copies what no reader still needs, never waits for a lock. */
    void checkpoint() throws SQLException {
        synchronized (connection) {
            if (connection.isClosed()) return;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                rs.next(); // busy, frames in the WAL, frames copied back: nothing to act on
            }
        }
    }

    /**
     * Stops the thread, then copies back what is left (closing the last connection makes SQLite
     * checkpoint too, but not while another process still has the file open).
     */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            checkpoint();
        } catch (SQLException e) {
            // closing: the next open or checkpoint copies it back
        }
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing left to protect
            }
        }
    }
}
