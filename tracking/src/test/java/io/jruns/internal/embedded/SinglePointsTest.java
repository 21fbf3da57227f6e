package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lone point lives in its summary (schema v3); its history reads back bit for bit, before and after a second point. */
class SinglePointsTest extends OneRunStore {

    /** A value, and whether the summary holds it exactly (no chunk) or it needs a chunk of its own. */
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(0.5, true),
                Arguments.of(0.0, true),
                Arguments.of(-0.0, false),                                   // SQLite stores it as the integer 0
                Arguments.of(-3.0, true),                                    // stored as an integer, read back as -3.0
                Arguments.of(9007199254740993.0, true),
                Arguments.of(1e300, true),
                Arguments.of(Double.MIN_VALUE, true),
                Arguments.of(-Double.MAX_VALUE, true),
                Arguments.of(Double.POSITIVE_INFINITY, true),
                Arguments.of(Double.NEGATIVE_INFINITY, true),
                Arguments.of(Double.NaN, true),                              // flagged apart in the summary
                Arguments.of(Double.longBitsToDouble(0x7ff0000000000001L), false), // a NaN with a payload
                Arguments.of(Double.longBitsToDouble(0xfff8000000000000L), false)); // a negative NaN
    }

    @ParameterizedTest
    @MethodSource("values")
    void aLonePointReadsBackExactly(double value, boolean inSummaryOnly) throws SQLException {
        Metric first = new Metric("m", value, 1_700_000_000_123L, -7);
        log(first);
        assertEquals(inSummaryOnly ? 0 : 1, chunks());
        assertSame(List.of(first), store.getMetricHistory(run, "m"));
        assertEquals(1, store.getRun(run).orElseThrow().data().metrics().get("m").count());
    }

    @ParameterizedTest
    @MethodSource("values")
    void aSecondPointBringsTheFirstIntoTheHistory(double value, boolean inSummaryOnly) throws SQLException {
        Metric first = new Metric("m", value, 5, 3);
        Metric second = new Metric("m", 2.5, 4, 1); // earlier step: the first stays the latest
        Metric third = new Metric("m", -1.0, 6, 9);
        log(first);
        log(second);
        assertSame(List.of(first, second), store.getMetricHistory(run, "m"));
        log(third);
        assertSame(List.of(first, second, third), store.getMetricHistory(run, "m"));
        assertEquals(inSummaryOnly ? 2 : 3, chunks());
        assertEquals(3, store.getRun(run).orElseThrow().data().metrics().get("m").count());
    }

    @Test
    void aStoreFromBeforeVersionThreeKeepsItsChunkAndGetsNoCopy() throws SQLException {
        Metric first = new Metric("m", 0.25, 5, 0);
        log(first);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
             PreparedStatement ps = c.prepareStatement("INSERT INTO metric_chunks (rid, key, n, points) "
                     + "SELECT rid, 'm', 1, ? FROM runs WHERE run_uuid = ?")) {
            // what jruns wrote for a lone point up to schema v2
            ps.setBytes(1, PointCodec.encode(new long[] {0}, new long[] {5}, new double[] {0.25}, 0, 1));
            ps.setString(2, run);
            ps.executeUpdate();
        }
        Metric second = new Metric("m", 0.5, 6, 1);
        log(second);
        assertSame(List.of(first, second), store.getMetricHistory(run, "m"));
    }

    @Test
    void pointsOfOneRoundAndOfABatchTogetherKeepTheirOrder() {
        Metric a = new Metric("m", 1.0, 1, 0);
        Metric b = new Metric("m", 2.0, 2, 1);
        log(a);
        store.logBatch(new LogBatch(run, List.of(b, new Metric("n", 3.0, 3, 0)), List.of(), List.of()));
        assertSame(List.of(a, b), store.getMetricHistory(run, "m"));
        assertSame(List.of(new Metric("n", 3.0, 3, 0)), store.getMetricHistory(run, "n"));
        assertEquals(List.of(), store.getMetricHistory(run, "absent"));
    }

    private void log(Metric m) {
        store.logBatch(new LogBatch(run, List.of(m), List.of(), List.of()));
    }

    private long chunks() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM metric_chunks")) {
            return rs.getLong(1);
        }
    }

    /** Equal point by point, values compared by their raw bits (a NaN's payload, the sign of zero). */
    private static void assertSame(List<Metric> expected, List<Metric> actual) {
        assertEquals(expected.size(), actual.size(), "points: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Metric e = expected.get(i);
            Metric a = actual.get(i);
            assertEquals(List.of(e.key(), e.timestamp(), e.step(), Double.doubleToRawLongBits(e.value())),
                    List.of(a.key(), a.timestamp(), a.step(), Double.doubleToRawLongBits(a.value())), "point " + i);
        }
    }
}
