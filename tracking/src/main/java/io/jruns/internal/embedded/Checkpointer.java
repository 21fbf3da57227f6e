package io.jruns.internal.embedded;

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
 * The writer nudges after each commit; a pass runs at most every quarter second while commits
 * come, and once they stop. It never opens the -wal or -shm files itself: closing any handle
 * on them drops this process's POSIX locks on them, and another process may then truncate the
 * -shm under SQLite's mapping (SIGBUS, seen in ConcurrencyIT).
 * The WAL starts over at the first write after a pass that copied everything; under writes
 * without a pause no pass catches up, and the writer's own autocheckpoint (set far higher,
 * see Database) then copies the small rest, so the WAL stays bounded.
 */
final class Checkpointer implements AutoCloseable {
    /** A second without commits counts as idle. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Under commits, about 4 MB of WAL at B1's rate between passes. */
    private static final long BUSY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Connection connection;
    private final Thread thread;
    private volatile boolean closing;
    private long lastPass = System.nanoTime();
    private volatile boolean dirty; // commits since the last pass

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "jruns-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** A commit went into the WAL: a pass is due soon. Cheap enough for every commit. */
    void nudge() {
        dirty = true;
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

    /** Idle (the next write then starts the WAL over), or a quarter second since the last pass. */
    private boolean due(boolean idle) {
        long now = System.nanoTime();
        if (!dirty || (!idle && now - lastPass < BUSY_NANOS)) return false;
        lastPass = now;
        dirty = false;
        return true;
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
