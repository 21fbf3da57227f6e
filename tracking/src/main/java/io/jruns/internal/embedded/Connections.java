package io.jruns.internal.embedded;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** How every connection to the store's SQLite file is opened, and the few statements run on them bare. */
final class Connections {
    static final int BUSY_TIMEOUT_MS = 30_000;
    /**
     * Page caches in KiB. The writer mostly appends: it needs the hot pages and one round's dirty
     * ones, and a bigger cache costs time, since a page slot's memory is slow to touch the first
     * time (B1 into a new store: 1.4x the storage limit's rate with 2 MB, 1.1x with 8 MB, 0.6-0.75x
     * with 32 MB). 8 MB, not 2: ingest (index inserts all over) fell to 0.73x its floor at 2 MB in one run of
     * three, never at 8 MB.
     * Readers keep 32 MB: searches repeat over the same pages.
     */
    static final int WRITER_CACHE_KIB = 8_000;
    static final int READER_CACHE_KIB = 32_000;

    private Connections() {
    }

    static Connection open(Path file, int cacheKiB) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL: a commit survives the process dying; JRUNS_SYNC=full makes flush() fsync too.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-cacheKiB);
        // a file: URI, percent-encoded: sqlite-jdbc reads a plain path's '?' and '&' as its own options
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri());
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void endQuietly(Connection c) {
        try {
            exec(c, "ROLLBACK"); // a read transaction: nothing to keep
        } catch (SQLException ignored) {
            // no transaction open: nothing to end
        }
    }
}
