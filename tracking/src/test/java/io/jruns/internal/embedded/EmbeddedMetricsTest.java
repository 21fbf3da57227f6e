package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metric history and the latest/min/max summaries kept at write time. */
class EmbeddedMetricsTest extends OneRunStore {

    private void log(Metric... points) {
        store.logBatch(new LogBatch(run, List.of(points), List.of(), List.of()));
    }

    private MetricSummary summary(String key) {
        return store.getRun(run).orElseThrow().data().metrics().get(key);
    }

    private static Metric m(double value, long ts, long step) {
        return new Metric("m", value, ts, step);
    }

    /** Points, and the one that must be "latest": greatest step, then timestamp, then value. */
    static Stream<Arguments> latestCases() {
        return Stream.of(
                Arguments.of(List.of(m(9, 999, 5), m(-1, 1, 6)), m(-1, 1, 6)),            // step wins over time
                Arguments.of(List.of(m(9, 100, 5), m(0, 200, 5)), m(0, 200, 5)),          // then timestamp
                Arguments.of(List.of(m(1, 100, 5), m(3, 100, 5), m(2, 100, 5)), m(3, 100, 5)), // then value
                Arguments.of(List.of(m(-5, 100, 5), m(-7, 100, 5)), m(-5, 100, 5)),
                Arguments.of(List.of(m(1, 5, -1), m(2, 1, -2)), m(1, 5, -1)),             // negative steps
                Arguments.of(List.of(m(1, 100, 5), m(Double.POSITIVE_INFINITY, 100, 5)), m(Double.POSITIVE_INFINITY, 100, 5)),
                Arguments.of(List.of(m(Double.NEGATIVE_INFINITY, 100, 5), m(-1e308, 100, 5)), m(-1e308, 100, 5)),
                Arguments.of(List.of(m(1, 1, 0), m(Double.NaN, 2, 0)), m(Double.NaN, 2, 0)),
                Arguments.of(List.of(m(Double.NaN, 2, 0), m(4, 1, 1)), m(4, 1, 1)));
    }

    @ParameterizedTest
    @MethodSource("latestCases")
    void latestIsIndependentOfLoggingOrderAndBatching(List<Metric> points, Metric expected) throws Exception {
        for (List<Metric> order : permutations(points)) {
            for (boolean oneBatch : new boolean[] {true, false}) {
                String id = store.createRun("0", "u", 1, null, List.of()).runId();
                if (oneBatch) {
                    store.logBatch(new LogBatch(id, order, List.of(), List.of()));
                } else {
                    for (Metric p : order) store.logBatch(new LogBatch(id, List.of(p), List.of(), List.of()));
                }
                Metric latest = store.getRun(id).orElseThrow().data().metrics().get("m").latestMetric();
                String where = order + (oneBatch ? " in one batch" : " one by one");
                assertSame(expected, latest, where);
                assertEquals(order, store.getMetricHistory(id, "m"), "history keeps logging order: " + where);
            }
        }
    }

    private static void assertSame(Metric expected, Metric actual, String where) {
        assertEquals(expected.step(), actual.step(), where);
        assertEquals(expected.timestamp(), actual.timestamp(), where);
        assertEquals(Double.doubleToLongBits(expected.value()), Double.doubleToLongBits(actual.value()),
                () -> "value " + actual.value() + " for " + where);
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) return List.of(items);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void minAndMaxIgnoreNaNAndCountEveryPoint() {
        log(m(Double.NaN, 1, 0), m(3, 1, 1));
        log(m(-2, 1, 2), m(Double.NaN, 1, 3));
        MetricSummary s = summary("m");
        assertEquals(-2.0, s.min());
        assertEquals(3.0, s.max());
        assertEquals(4, s.count());
        assertTrue(Double.isNaN(s.latest()), "latest is the NaN at step 3");
    }

    @Test
    void onlyNaNGivesNaNMinAndMax() {
        log(m(Double.NaN, 1, 0));
        log(m(Double.NaN, 2, 1));
        MetricSummary s = summary("m");
        assertTrue(Double.isNaN(s.min()) && Double.isNaN(s.max()) && Double.isNaN(s.latest()));
        assertEquals(2, s.count());
    }

    @Test
    void infinitiesCountForMinAndMax() {
        log(m(1, 1, 0), m(Double.POSITIVE_INFINITY, 1, 1));
        log(m(Double.NEGATIVE_INFINITY, 1, 2), m(Double.NaN, 1, 3));
        MetricSummary s = summary("m");
        assertEquals(Double.NEGATIVE_INFINITY, s.min());
        assertEquals(Double.POSITIVE_INFINITY, s.max());
    }

    @Test
    void nanAndInfinitiesRoundTripBitForBit() {
        double oddNaN = Double.longBitsToDouble(0x7ff0000000000abcL);
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, oddNaN, -0.0, 0.0,
                Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI};
        List<Metric> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) points.add(new Metric("special", values[i], 1000 + i, i));
        store.logBatch(new LogBatch(run, points, List.of(), List.of()));
        List<Metric> back = store.getMetricHistory(run, "special");
        assertEquals(values.length, back.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back.get(i).value()),
                    "point " + i + " (" + values[i] + ")");
            assertEquals(i, back.get(i).step());
            assertEquals(1000 + i, back.get(i).timestamp());
        }
        // Each special value as the latest point survives the summary too. (-0.0 is kept
        // exactly in history only: SQLite stores a whole REAL as an integer, so 0.0 there.)
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String key = "last_" + Double.doubleToRawLongBits(v);
            store.logBatch(new LogBatch(run, List.of(new Metric(key, 1, 1, 0), new Metric(key, v, 1, 1)), List.of(), List.of()));
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(summary(key).latest()), key);
        }
    }

    @Test
    void historyKeepsLoggingOrderAcrossBatchesAndChunks() {
        List<Metric> expected = new ArrayList<>();
        int n = MetricWrites.MAX_POINTS_PER_CHUNK * 2 + 17;
        List<Metric> big = new ArrayList<>();
        for (int i = 0; i < n; i++) big.add(m(i * 0.5, 1000 + i, n - i));
        store.logBatch(new LogBatch(run, big, List.of(), List.of()));
        expected.addAll(big);
        for (long step : new long[] {5, 1, 3}) {
            Metric p = m(step, 5000, step);
            log(p);
            expected.add(p);
        }
        log(new Metric("other", 1, 1, 1));
        assertEquals(expected, store.getMetricHistory(run, "m"));
        assertEquals(List.of(new Metric("other", 1, 1, 1)), store.getMetricHistory(run, "other"));
        assertTrue(store.getMetricHistory(run, "never").isEmpty());
        MetricSummary s = summary("m");
        assertEquals(n + 3, s.count());
        assertEquals(n, s.latestStep(), "greatest step, whatever the order");
        assertEquals(0.0, s.min());
    }
}
