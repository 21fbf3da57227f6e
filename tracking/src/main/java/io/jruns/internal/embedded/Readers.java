package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The store's read connections: the reader, and the second one a paired read opens the first
 * time (most stores never export). Read only, they never write the files ({@link ReadOnlyOpen});
 * one reading SQLite's immutable file is opened again as soon as the files change. Guarded by
 * the database's read lock.
 */
final class Readers implements AutoCloseable {
    private final Path file;
    private final boolean readOnly;
    private Connection first;
    private Connection second;
    /** For a reader of SQLite's immutable file: how the files looked when it opened; else null. */
    private ReadOnlyOpen.Stamp immutable;

    private Readers(Path file, boolean readOnly, Connection first, ReadOnlyOpen.Stamp immutable) {
        this.file = file;
        this.readOnly = readOnly;
        this.first = first;
        this.immutable = immutable;
    }

    static Readers writable(Path file, Connection first) {
        return new Readers(file, false, first, null);
    }

    /** Read only; {@code immutableRead} reads the immutable file from the start (tests: root may create the index). */
    static Readers readOnly(Path file, boolean immutableRead) throws SQLException {
        ReadOnlyOpen.Opened o = immutableRead
                ? ReadOnlyOpen.immutable(file, Connections.READER_CACHE_KIB, ReadOnlyOpen.Stamp.of(file))
                : ReadOnlyOpen.open(file, Connections.READER_CACHE_KIB);
        return new Readers(file, true, o.connection(), o.immutable());
    }

    /** The reader, opened again first if its immutable files changed: call it outside a read transaction. */
    Connection fresh() {
        if (immutable != null && !immutable.equals(ReadOnlyOpen.Stamp.of(file))) reopen();
        return first;
    }

    /** The second reader, opened the first time it is asked for. */
    Connection second() throws SQLException {
        if (second == null) {
            second = readOnly ? ReadOnlyOpen.open(file, Connections.READER_CACHE_KIB).connection()
                    : Connections.open(file, Connections.READER_CACHE_KIB);
        }
        return second;
    }

    /** Whether a read that failed should run again: it met the immutable file changing under it, which is reopened now. */
    boolean reopenedAfter(JrunsException failure) {
        if (immutable == null || !ReadOnlyOpen.corrupt(failure)) return false;
        reopen();
        return true;
    }

    private void reopen() {
        try {
            close();
            ReadOnlyOpen.Opened o = ReadOnlyOpen.open(file, Connections.READER_CACHE_KIB);
            first = o.connection();
            immutable = o.immutable();
        } catch (SQLException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "jruns store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        first.close();
        if (second != null) second.close();
        second = null;
    }
}
