package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file: one connection for writes and the readers ({@link Readers}: WAL lets
 * readers run beside a writer). Each connection is
 * used by one thread at a time. Writes take the lock with BEGIN IMMEDIATE so two processes
 * queue on the busy timeout instead of failing with "database is locked" half-way through a
 * transaction. A store opened {@linkplain #toRead to read only} has readers alone: every write
 * is refused, saying why.
 */
final class Database implements AutoCloseable {
    /**
     * 64 MB of 4 KiB pages: reached only under writes without a pause, where the checkpointer's
     * passes never catch up (it has copied most by then; the writer copies the rest and the
     * WAL starts over).
     */
    private static final int AUTOCHECKPOINT_BACKSTOP_PAGES = 16_384;

    private final Path file;
    private final Connection writer;
    private final Readers readers;
    private final Checkpointer checkpointer;
    /** Why this store is open to read only (said in the error a write gets); null when writable. */
    private final String readOnly;
    /** The writer connection's summaries: told of every transaction on it, so it can never go stale. */
    private final SummaryCache summaries = new SummaryCache();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    /**
     * Whether a flush also fsyncs. A committed WAL transaction already survives the process
     * being killed (the flush contract); fsync adds survival of power loss, at a few ms per
     * flush, so it is opt-in: JRUNS_SYNC=full (or -Djruns.sync=full).
     */
    private final boolean fsyncOnFlush = "full".equalsIgnoreCase(
            System.getProperty("jruns.sync", System.getenv().getOrDefault("JRUNS_SYNC", "normal")));

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Work on two connections that see one snapshot, each meant for its own thread. */
    interface PairWork<T> {
        T run(Connection first, Connection second) throws SQLException;
    }

    Database(Path file) {
        this.file = file;
        this.readOnly = null;
        try {
            // opening switches a new store to WAL, which may meet another process creating it
            this.writer = BusyRetry.run(() -> Connections.open(file, Connections.WRITER_CACHE_KIB));
            // The checkpointer copies the WAL back off the writer's path; SQLite's own
            // autocheckpoint stays only as the backstop, far above what a quarter second of passes leaves.
            Connections.exec(writer, "PRAGMA wal_autocheckpoint=" + AUTOCHECKPOINT_BACKSTOP_PAGES);
            this.readers = Readers.writable(file, BusyRetry.run(() -> Connections.open(file, Connections.READER_CACHE_KIB)));
            this.checkpointer = new Checkpointer(BusyRetry.run(() -> Connections.open(file, Connections.READER_CACHE_KIB)));
        } catch (SQLException e) {
            throw StoreOpen.openFailure(file, e);
        }
    }

    private Database(Path file, String readOnly, boolean immutableRead) {
        this.file = file;
        this.readOnly = readOnly;
        this.writer = null;
        this.checkpointer = null;
        try {
            this.readers = Readers.readOnly(file, immutableRead);
        } catch (SQLException e) {
            throw StoreOpen.openFailure(file, e);
        }
    }

    /** The file opened with readers only: no write, no checkpoint, not even SQLite's own recovery writes. */
    static Database toRead(Path file, String why) {
        return new Database(file, why, false);
    }

    /** As {@link #toRead}, read as SQLite's immutable file from the start (for tests: root may create the index). */
    static Database toReadImmutable(Path file, String why) {
        return new Database(file, why, true);
    }

    /** Why writes are refused, or null when this store is writable. */
    String readOnly() {
        return readOnly;
    }

    SummaryCache summaries() {
        return summaries;
    }

    Path file() {
        return file;
    }

    /** Runs work in one write transaction, retrying when another process holds the lock. */
    <T> T write(Work<T> work) {
        return write(false, work);
    }

    /** As {@link #write(Work)}; with {@code durable} under JRUNS_SYNC=full the commit is fsynced. */
    <T> T write(boolean durable, Work<T> work) {
        return write(durable, false, work);
    }

    /**
     * As {@link #write(boolean, Work)}, for the logging path (RunWrites): the only transactions
     * that keep the summary cache. Any other may change summaries behind it (a purge frees
     * rids and run ids for reuse), so it starts the cache over.
     */
    <T> T log(boolean durable, Work<T> work) {
        return write(durable, true, work);
    }

    private <T> T write(boolean durable, boolean logging, Work<T> work) {
        refuseIfReadOnly();
        boolean fsync = durable && fsyncOnFlush;
        writeLock.lock();
        try {
            return retryWhileBusy(() -> {
                if (fsync) Connections.exec(writer, "PRAGMA synchronous=FULL");
                Connections.exec(writer, "BEGIN IMMEDIATE");
                try {
                    summaries.begun(writer, logging);
                    T result = work.run(writer);
                    Connections.exec(writer, "COMMIT");
                    summaries.committed();
                    checkpointer.nudge();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    Connections.endQuietly(writer);
                    summaries.rolledBack();
                    throw e;
                } finally {
                    if (fsync) Connections.exec(writer, "PRAGMA synchronous=NORMAL");
                }
            });
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Rewrites the file without its free pages (SQLite's VACUUM), the write-ahead log folded in
     * first; returns the bytes given back. Another process in the store makes it wait, then fail.
     */
    long compact() {
        refuseIfReadOnly();
        writeLock.lock();
        try {
            long before = Files.size(file);
            retryWhileBusy(() -> {
                Connections.exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
                Connections.exec(writer, "VACUUM");
                Connections.exec(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
                return null;
            });
            summaries.rolledBack(); // rids are kept by VACUUM (INTEGER PRIMARY KEY), but start the cache over
            return Math.max(0, before - Files.size(file));
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot compact " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs reads in one read transaction, so they see one consistent snapshot. */
    <T> T read(Work<T> work) {
        readLock.lock();
        try {
            try {
                return readOnce(work);
            } catch (JrunsException e) {
                if (!readers.reopenedAfter(e)) throw e; // an immutable read met the file changing: read again
                return readOnce(work);
            }
        } finally {
            readLock.unlock();
        }
    }

    private <T> T readOnce(Work<T> work) {
        return retryWhileBusy(() -> {
            Connection reader = readers.fresh();
            Connections.exec(reader, "BEGIN");
            try {
                return work.run(reader);
            } finally {
                Connections.exec(reader, "COMMIT");
            }
        });
    }

    /**
     * Runs reads on two connections that see the same snapshot, so one export can read on two
     * threads. Both read transactions start while this store holds the write lock (BEGIN
     * IMMEDIATE on the writer), so no write, of this process or another, can commit between
     * them; the lock is let go as soon as both have started. The price: the export first waits
     * for another process's write already in progress (as a write would).
     */
    <T> T readPair(PairWork<T> work) {
        readLock.lock();
        try {
            Connection[] pair = retryWhileBusy(() -> {
                Connection[] both = {readers.fresh(), readers.second()};
                if (readOnly != null) ReadOnlyOpen.startBoth(both[0], both[1]);
                else PairStart.underWriteLock(writer, writeLock, both[0], both[1]);
                return both;
            });
            try {
                return work.run(pair[0], pair[1]);
            } catch (SQLException e) {
                throw storeError(e);
            } finally {
                Connections.endQuietly(pair[0]);
                Connections.endQuietly(pair[1]);
            }
        } finally {
            readLock.unlock();
        }
    }

    void refuseIfReadOnly() {
        if (readOnly != null) {
            throw new JrunsException(JrunsException.Code.INVALID_STATE, "the jruns store " + file
                    + " is open to read only (" + readOnly + "): it cannot be changed");
        }
    }

    /** The step, retried while another process holds the lock ({@link BusyRetry}); any failure is the store's error. */
    private <T> T retryWhileBusy(BusyRetry.Attempt<T> attempt) {
        try {
            return BusyRetry.run(attempt);
        } catch (SQLException e) {
            throw storeError(e);
        }
    }

    private JrunsException storeError(SQLException e) {
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR,
                "jruns store " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (checkpointer != null) checkpointer.close();
        writeLock.lock();
        readLock.lock();
        try {
            readers.close();
            if (writer != null) writer.close();
        } catch (SQLException ignored) {
            // closing: nothing left to protect
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }
}
