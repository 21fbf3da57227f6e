package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WAL checkpoints run on the checkpointer's thread while the store is open (the writer's
 * autocheckpoint is only a far backstop): the WAL stays near the threshold instead of growing
 * with everything written, the data reaches the database file, and survives a reopen.
 */
class CheckpointerTest {
    static final int ROUNDS = 40;
    static final int POINTS = 20_000; // ~480 KB of chunks a commit, ~19 MB in all

    @TempDir
    Path dir;

    @Test
    void theWalIsCopiedBackBesideTheWriterAndDataSurvivesReopen() throws Exception {
        Path db = dir.resolve("jruns.db");
        Path wal = dir.resolve("jruns.db-wal");
        long written = (long) ROUNDS * POINTS * PointCodec.POINT_BYTES;
        String run;
        try (EmbeddedStore store = EmbeddedStore.inHome(dir)) {
            run = store.createRun("0", "u", 1, "r", List.of()).runId();
            write(store, run, 0);
            long firstWal = Files.size(wal);
            waitFor(() -> Files.size(db) >= written, "copied back into the database file while open");
            // Idle now: a pass copies everything, so the next writes start the WAL over.
            Thread.sleep(1_500); // idle: a pass copies everything
            write(store, run, 1);
            assertTrue(Files.size(wal) < firstWal + written / 2, "the WAL started over instead of growing: "
                    + Files.size(wal) + " bytes after " + firstWal);
        }
        assertTrue(!Files.exists(wal) || Files.size(wal) == 0, "closing leaves no WAL behind");
        try (EmbeddedStore again = EmbeddedStore.inHome(dir)) {
            List<Metric> h = again.getMetricHistory(run, "m");
            assertEquals(2 * ROUNDS * POINTS, h.size());
            assertEquals(2L * ROUNDS * POINTS - 1, h.get(h.size() - 1).step());
            assertEquals(2L * ROUNDS * POINTS, again.getRun(run).orElseThrow().data().metrics().get("m").count());
        }
    }

    /** ROUNDS commits of POINTS points each, with pauses as a training loop leaves them. */
    private static void write(EmbeddedStore store, String run, int pass) throws InterruptedException {
        for (int r = 0; r < ROUNDS; r++) {
            List<Metric> points = new ArrayList<>(POINTS);
            long first = ((long) pass * ROUNDS + r) * POINTS;
            for (int i = 0; i < POINTS; i++) points.add(new Metric("m", i, 1000 + i, first + i));
            store.logBatch(new LogBatch(run, points, List.of(), List.of()));
            Thread.sleep(2);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }
}
