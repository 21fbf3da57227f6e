package io.jruns.internal.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts the two read transactions of {@link Database#readPair} on one snapshot of a writable
 * store: while the writer holds SQLite's write lock (BEGIN IMMEDIATE), no write of this process
 * or another can commit between them. The lock is let go as soon as both have started.
 */
final class PairStart {
    private PairStart() {
    }

    /** Both read transactions, started under the write lock; neither is left open on failure. */
    static void underWriteLock(Connection writer, ReentrantLock writeLock, Connection reader, Connection second)
            throws SQLException {
        writeLock.lock();
        try {
            Connections.exec(writer, "BEGIN IMMEDIATE");
            try {
                for (Connection c : new Connection[]{reader, second}) {
                    Connections.exec(c, "BEGIN");
                    // A deferred BEGIN takes its snapshot at the first read: take it now.
                    try (Statement s = c.createStatement()) {
                        s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                Connections.endQuietly(reader);
                Connections.endQuietly(second);
                throw e;
            } finally {
                Connections.endQuietly(writer); // nothing was written: the lock is all it was for
            }
        } finally {
            writeLock.unlock();
        }
    }
}
