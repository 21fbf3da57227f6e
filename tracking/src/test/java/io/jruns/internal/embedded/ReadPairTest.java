package io.jruns.internal.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database.readPair: two connections, one snapshot, whatever another connection (as another process would) commits. */
class ReadPairTest {
    @TempDir
    Path dir;
    Database db;
    Connection other;

    @BeforeEach
    void open() throws SQLException {
        db = new Database(dir.resolve("pair.db"));
        db.write(c -> {
            Connections.exec(c, "CREATE TABLE t (x INTEGER)");
            Connections.exec(c, "INSERT INTO t VALUES (1)");
            return null;
        });
        other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("pair.db"));
        Connections.exec(other, "PRAGMA busy_timeout = 30000");
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        db.close();
    }

    @Test
    void bothReadersKeepTheirSnapshotWhileAnotherConnectionCommitsInBetween() {
        int[] seen = db.readPair((first, second) -> {
            int before = count(first);
            Connections.exec(other, "INSERT INTO t VALUES (2)"); // committed: autocommit
            return new int[]{before, count(second), count(first), count(other)};
        });
        assertArrayEquals(new int[]{1, 1, 1, 2}, seen, "both readers before the commit, the writer after it");
        assertEquals(2, db.read(ReadPairTest::count), "a later read sees the commit");
    }

    @Test
    void waitsForAWriteAlreadyInProgressThenSeesIt() throws Exception {
        Connections.exec(other, "BEGIN IMMEDIATE");
        Connections.exec(other, "INSERT INTO t VALUES (2)");
        CompletableFuture<int[]> pair = CompletableFuture.supplyAsync(
                () -> db.readPair((first, second) -> new int[]{count(first), count(second)}));
        Thread.sleep(300);
        assertFalse(pair.isDone(), "the snapshots wait for the write lock");
        Connections.exec(other, "COMMIT");
        assertArrayEquals(new int[]{2, 2}, pair.get(30, TimeUnit.SECONDS));
    }

    @Test
    void noCommitFallsBetweenTheTwoSnapshots() throws Exception {
        noCommitFallsBetweenTheSnapshotsOf(db);
    }

    @Test
    void noCommitFallsBetweenTheTwoSnapshotsOfAStoreOpenToReadOnly() throws Exception {
        // no write lock to hold there: it checks that no commit came between, and tries again
        try (Database readOnly = Database.toRead(dir.resolve("pair.db"), "a test")) {
            noCommitFallsBetweenTheSnapshotsOf(readOnly);
        }
    }

    private void noCommitFallsBetweenTheSnapshotsOf(Database db) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commits = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Connections.exec(other, "INSERT INTO t VALUES (3)");
                    commits.incrementAndGet();
                    Thread.sleep(1); // else it takes the lock back before the busy handler's retry
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 200; i++) {
                int[] seen = db.readPair((first, second) -> new int[]{count(first), count(second)});
                assertEquals(seen[0], seen[1], "round " + i);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(commits.get() > 0, "the writer committed while the pairs were taken");
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
