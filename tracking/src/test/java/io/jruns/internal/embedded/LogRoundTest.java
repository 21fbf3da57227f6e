package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.store.MetricColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points logged as columns (the writer's rounds, Store.logRound) are stored exactly as the
 * same points logged one object each (log batches): the same chunk bytes, row by row, and
 * the same summaries, merging across calls; and the bytes keep PointCodec's layout.
 */
class LogRoundTest {
    @TempDir
    Path dir;

    /** Per key, the points of two calls: unordered steps, ties, NaN, infinities, -0.0, over a chunk's worth. */
    static Map<String, List<List<Metric>>> points() {
        Random r = new Random(14);
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE};
        Map<String, List<List<Metric>>> out = new LinkedHashMap<>();
        int[] sizes = {MetricWrites.MAX_POINTS_PER_CHUNK * 2 + 17, 1, 300};
        for (int k = 0; k < sizes.length; k++) {
            String key = "k" + k;
            List<List<Metric>> calls = new ArrayList<>();
            for (int call = 0; call < 2; call++) {
                List<Metric> ms = new ArrayList<>();
                for (int i = 0; i < sizes[k]; i++) {
                    double v = r.nextInt(10) == 0 ? odd[r.nextInt(odd.length)] : r.nextGaussian();
                    ms.add(new Metric(key, v, 1_000 + r.nextInt(50), r.nextInt(sizes[k] + 5) - 2));
                }
                calls.add(ms);
            }
            out.put(key, calls);
        }
        return out;
    }

    @Test
    void columnsAndPointsStoreTheSameBytesAndSummaries() throws Exception {
        Map<String, List<List<Metric>>> points = points();
        Path perPoint = dir.resolve("points");
        Path columns = dir.resolve("columns");
        try (EmbeddedStore a = EmbeddedStore.inHome(perPoint); EmbeddedStore b = EmbeddedStore.inHome(columns)) {
            String runA = a.createRun("0", "u", 1, "r", List.of()).runId();
            String runB = b.createRun("0", "u", 1, "r", List.of()).runId();
            for (int call = 0; call < 2; call++) {
                List<Metric> all = new ArrayList<>();
                List<MetricColumns> cols = new ArrayList<>();
                for (Map.Entry<String, List<List<Metric>>> e : points.entrySet()) {
                    List<Metric> ms = e.getValue().get(call);
                    all.addAll(ms);
                    MetricColumns c = new MetricColumns(runB, e.getKey(), 4);
                    ms.forEach(c::add);
                    cols.add(c);
                }
                a.logBatch(new LogBatch(runA, all, List.of(new Param("p" + call, "v")), List.of()));
                assertEquals(List.of(), b.logRound(List.of(), List.of(new LogBatch(runB, List.of(),
                        List.of(new Param("p" + call, "v")), List.of())), cols, List.of(), call == 1));
            }
            assertEquals(a.getRun(runA).orElseThrow().data().metrics(), b.getRun(runB).orElseThrow().data().metrics());
            assertEquals(a.getRun(runA).orElseThrow().data().params(), b.getRun(runB).orElseThrow().data().params());
        }
        List<String> chunksA = rows(perPoint, "SELECT key, n, hex(points) FROM metric_chunks ORDER BY id");
        assertEquals(chunksA, rows(columns, "SELECT key, n, hex(points) FROM metric_chunks ORDER BY id"));
        // k1's lone first point waits in its summary and goes into one chunk with the second (SinglePoints)
        assertEquals(2 * (3 + 1) + 1, chunksA.size(), "chunks of at most " + MetricWrites.MAX_POINTS_PER_CHUNK + " points");
        String summaries = "SELECT key, quote(latest), latest_is_nan, latest_ts, latest_step, quote(min_value),"
                + " quote(max_value), count FROM metric_summaries ORDER BY key";
        assertEquals(rows(perPoint, summaries), rows(columns, summaries));
        assertLayout(columns, points.get("k2").get(0));
    }

    /** Per point: step, timestamp, the value's raw IEEE-754 bits, 8 bytes each, big-endian. */
    private static void assertLayout(Path home, List<Metric> expected) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT points FROM metric_chunks WHERE key = 'k2' ORDER BY id LIMIT 1")) {
            assertTrue(rs.next());
            ByteBuffer want = ByteBuffer.allocate(expected.size() * 24);
            for (Metric m : expected) {
                want.putLong(m.step()).putLong(m.timestamp()).putLong(Double.doubleToRawLongBits(m.value()));
            }
            assertArrayEquals(want.array(), rs.getBytes(1));
        }
    }

    private static List<String> rows(Path home, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) row[i] = rs.getString(i + 1);
                out.add(Arrays.toString(row));
            }
            return out;
        }
    }
}
