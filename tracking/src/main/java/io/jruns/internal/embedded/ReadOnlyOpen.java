package io.jruns.internal.embedded;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connections that never write the store's files: for a store this user cannot write (a
 * colleague's, a read-only mount).
 */
final class ReadOnlyOpen {
    /** Tries at taking two snapshots with no commit between them before settling for two a moment apart. */
    private static final int PAIR_TRIES = 50;

    private ReadOnlyOpen() {
    }

    /**
     * A read-only connection, its first read done (SQLite opens lazily). Where SQLite cannot
     * make the write-ahead log's index beside the file (a folder this user cannot write) and
     * the log holds nothing, the file is read as immutable: it alone holds every commit.
     */
    static Opened open(Path file, int cacheKiB) throws SQLException {
        try {
            return new Opened(BusyRetry.run(() -> connect(file, cacheKiB, false)), null);
        } catch (SQLException e) {
            if (!walEmpty(file)) throw e;
            return immutable(file, cacheKiB, Stamp.of(file));
        }
    }

    /** An immutable read (tests force one where this user may write the folder). */
    static Opened immutable(Path file, int cacheKiB, Stamp before) throws SQLException {
        return new Opened(connect(file, cacheKiB, true), before);
    }

    /**
     * A read-only connection; {@code immutable} is how the files looked before an immutable open,
     * null for a live one. An immutable read must be opened again as soon as they change (the
     * owner logs again): SQLite would otherwise read a file changing under it as corrupt.
     */
    record Opened(Connection connection, Stamp immutable) {
    }

    /** The store's files as a reader can see them change: the file's size and time, and whether its log and index exist. */
    record Stamp(long size, long modified, boolean wal, boolean shm) {
        static Stamp of(Path file) {
            try {
                return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis(),
                        Files.exists(sibling(file, "-wal")), Files.exists(sibling(file, "-shm")));
            } catch (IOException e) {
                return new Stamp(-1, -1, false, false);
            }
        }
    }

    /** Whether a failure is SQLite finding the file malformed (an immutable read of a file that changed). */
    static boolean corrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s && s.getResultCode().code == org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT.code) return true;
        }
        return false;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Connection connect(Path file, int cacheKiB, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Connections.BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-cacheKiB);
        String uri = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + (immutable ? "?immutable=1" : "");
        Connection c = config.createConnection(uri);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Whether the write-ahead log is absent or empty, so the file alone holds every commit. */
    static boolean walEmpty(Path file) {
        Path wal = sibling(file, "-wal");
        try {
            return !Files.exists(wal) || Files.size(wal) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts read transactions on both connections that see one snapshot. A writable store
     * holds its write lock for this; a read-only one cannot, so it checks instead: no commit
     * came between a count of commits taken before the first snapshot and one taken within
     * the second (SQLite's data_version), else it tries again.
     */
    static void startBoth(Connection first, Connection second) throws SQLException {
        for (int i = 1; ; i++) {
            long before = dataVersion(second);
            begin(first);
            try {
                begin(second);
            } catch (SQLException | RuntimeException e) {
                Connections.endQuietly(first);
                throw e;
            }
            if (dataVersion(second) == before || i == PAIR_TRIES) return;
            Connections.endQuietly(first);
            Connections.endQuietly(second);
        }
    }

    /** BEGIN, and a read, since a deferred BEGIN takes its snapshot at the first read. */
    private static void begin(Connection c) throws SQLException {
        Connections.exec(c, "BEGIN");
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        }
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
