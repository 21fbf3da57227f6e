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
 * colleague's, a read-only mount) and for the source of a copy or export.
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
    static Connection open(Path file, int cacheKiB) throws SQLException {
        try {
            return BusyRetry.run(() -> connect(file, cacheKiB, false));
        } catch (SQLException e) {
            if (!walEmpty(file)) throw e;
            return connect(file, cacheKiB, true);
        }
    }

    private static Connection connect(Path file, int cacheKiB, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
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
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
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
                Database.endQuietly(first);
                throw e;
            }
            if (dataVersion(second) == before || i == PAIR_TRIES) return;
            Database.endQuietly(first);
            Database.endQuietly(second);
        }
    }

    /** BEGIN, and a read, since a deferred BEGIN takes its snapshot at the first read. */
    private static void begin(Connection c) throws SQLException {
        Database.exec(c, "BEGIN");
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
