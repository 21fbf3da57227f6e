package io.jruns.internal.embedded;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.RunStatus;
import io.jruns.store.MetricColumns;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Summaries merge from the writer connection's cache while nothing else wrote, and are read
 * back as soon as another connection commits (another store on the file, a raw connection)
 * or this connection writes outside the logging path.
 */
class SummaryCacheTest extends OneRunStore {
    long step;

    /** The daily gc a new store starts writes outside the logging path, which clears the cache: not mid-test. */
    @BeforeEach
    void gcDone() {
        store.awaitAutoGc();
    }

    /** One round of n points to (run, "m"), values 1..n at the next steps. */
    private void round(EmbeddedStore s, int n) {
        assertEquals(List.of(), s.logRound(List.of(), List.of(), List.of(points(n)), List.of(), false));
    }

    /** n points of (run, "m"), values 1..n at the next steps. */
    private MetricColumns points(int n) {
        MetricColumns m = new MetricColumns(run, "m");
        for (int i = 1; i <= n; i++) m.add(i, 1000, step++);
        return m;
    }

    private long readBacks() {
        return store.database().summaries().readBacks();
    }

    private MetricSummary summary() {
        return store.getRun(run).orElseThrow().data().metrics().get("m");
    }

    @Test
    void roundsAfterTheFirstMergeWithoutReadingBack() {
        round(store, 10);
        long afterFirst = readBacks();
        for (int r = 0; r < 5; r++) round(store, 10);
        assertEquals(afterFirst, readBacks(), "no summary read back while only this connection writes");
        assertEquals(60, summary().count());
        assertEquals(59, summary().latestStep());
    }

    @Test
    void anotherStoreOnTheSameFileMakesItReadBack() {
        round(store, 10);
        round(store, 10);
        try (EmbeddedStore other = EmbeddedStore.inHome(dir)) {
            round(other, 7);
        }
        long before = readBacks();
        round(store, 3);
        assertEquals(before + 1, readBacks(), "read back after another connection committed");
        assertEquals(30, summary().count(), "the other store's points are counted");
        assertEquals(29, summary().latestStep());
    }

    /** A round of n points to (run, "m") that also ends the run. */
    private void lastRound(int n) {
        assertEquals(List.of(), store.logRound(List.of(), List.of(), List.of(points(n)),
                List.of(new RunEnd(run, RunStatus.FINISHED, 2)), false));
    }

    @Test
    void aRunEndedInTheRoundIsNotCachedAndALatePointMergesWithWhatIsStored() {
        round(store, 10);
        round(store, 10); // cached now
        lastRound(5);
        long before = readBacks();
        round(store, 1); // a point after the end: read back, merged with all 25 before it
        assertEquals(before + 1, readBacks(), "the ended run's summary was not kept");
        assertEquals(26, summary().count());
        assertEquals(25, summary().latestStep());
    }

    @Test
    void shortRunsStartedAndEndedInOneRoundLeaveTheCacheEmpty() {
        RunStart start = store.planRun("0", "u", 5, "short", List.of()).orElseThrow();
        MetricColumns m = new MetricColumns(start.info().runId(), "m");
        m.add(0.5, 1000, 0);
        m.add(0.25, 1001, 1);
        assertEquals(List.of(), store.logRound(List.of(start), List.of(), List.of(m),
                List.of(new RunEnd(start.info().runId(), RunStatus.FINISHED, 6)), false));
        assertEquals(0, store.database().summaries().size());
        MetricSummary s = store.getRun(start.info().runId()).orElseThrow().data().metrics().get("m");
        assertEquals(2, s.count());
        assertEquals(0.25, s.latest());
    }

    @Test
    void aRawConnectionChangingTheSummaryIsSeen() throws Exception {
        round(store, 10);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE metric_summaries SET count = 1000, max_value = 500");
        }
        round(store, 2);
        assertEquals(1002, summary().count());
        assertEquals(500, summary().max());
    }

    @Test
    void aWriteOutsideTheLoggingPathStartsTheCacheOver() {
        round(store, 10);
        round(store, 1);
        long before = readBacks();
        store.updateRun(run, null, null, "renamed"); // a plain write transaction on the same connection
        round(store, 1);
        assertEquals(before + 1, readBacks());
        assertEquals(12, summary().count());
    }
}
