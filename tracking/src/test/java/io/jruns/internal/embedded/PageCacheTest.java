package io.jruns.internal.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The writer keeps a small page cache and the readers a big one (see Database's reasons): a
 * store's writes and reads each get the size meant for them, on a real file.
 */
class PageCacheTest {
    @TempDir
    Path dir;

    @Test
    void theWriterCachesLessThanTheReaders() {
        try (Database db = new Database(dir.resolve("jruns.db"))) {
            assertEquals(Connections.WRITER_CACHE_KIB, db.write(PageCacheTest::cacheKiB));
            assertEquals(Connections.READER_CACHE_KIB, db.read(PageCacheTest::cacheKiB));
            db.readPair((first, second) -> {
                assertEquals(Connections.READER_CACHE_KIB, cacheKiB(first));
                assertEquals(Connections.READER_CACHE_KIB, cacheKiB(second));
                return null;
            });
        }
    }

    /** SQLite reports a size set in KiB as its negative. */
    private static int cacheKiB(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
            rs.next();
            return -rs.getInt(1);
        }
    }
}
