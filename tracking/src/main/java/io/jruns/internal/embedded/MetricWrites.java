package io.jruns.internal.embedded;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.store.MetricColumns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Writes metric points, every path's (writer rounds, log batches): the history as chunks of
 * PointCodec's bytes, at most MAX_POINTS_PER_CHUNK points each (none for a lone first point:
 * see SinglePoints), and each (run, key)'s summary merged with the stored one: from the
 * connection's SummaryCache when it holds it, else read back. Reads the columns, never changes them (a failed round is retried with the
 * same columns).
 */
final class MetricWrites {
    static final int MAX_POINTS_PER_CHUNK = 8192;

    private MetricWrites() {
    }

    /**
     * {@code points}: rid to key to columns; {@code fresh}: rids inserted in this transaction (no
     * summaries yet); {@code ending}: run ids ended in it, whose summaries are not cached (a
     * finished run seldom gets more points; a batch of short runs would fill the cache for nothing).
     */
    static void write(Connection c, SummaryCache summaries, Map<Long, Map<String, MetricColumns>> points,
                      Set<Long> fresh, Set<String> ending) throws SQLException {
        if (points.values().stream().allMatch(Map::isEmpty)) return;
        try (PreparedStatement chunk = c.prepareStatement(
                "INSERT INTO metric_chunks (rid, key, n, points) VALUES (?, ?, ?, ?)");
             PreparedStatement read = c.prepareStatement(
                     "SELECT latest, latest_is_nan, latest_ts, latest_step, min_value, max_value, count "
                             + "FROM metric_summaries WHERE rid = ? AND key = ?");
             PreparedStatement upsert = c.prepareStatement(
                     "INSERT OR REPLACE INTO metric_summaries "
                             + "(rid, key, latest, latest_is_nan, latest_ts, latest_step, min_value, max_value, count) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement probe = SinglePoints.probe(c)) {
            for (Map.Entry<Long, Map<String, MetricColumns>> run : points.entrySet()) {
                long rid = run.getKey();
                boolean isFresh = fresh.contains(rid);
                for (MetricColumns m : run.getValue().values()) {
                    if (m.size() == 0) continue;
                    MetricSummary old = isFresh ? null : summaries.get(m.runId(), m.key());
                    if (old == null && !isFresh) old = stored(read, rid, m.key(), summaries);
                    MetricColumns history = SinglePoints.toChunk(probe, rid, old, m);
                    if (history != null) addChunks(chunk, rid, history);
                    MetricSummary merged = old == null ? summary(m) : old.merge(summary(m));
                    if (!ending.contains(m.runId())) summaries.put(m.runId(), m.key(), merged);
                    else if (!isFresh) summaries.drop(m.runId(), m.key()); // no older entry may outlive this write
                    upsert.setLong(1, rid);
                    upsert.setString(2, merged.key());
                    SqlValues.setDouble(upsert, 3, merged.latest());
                    upsert.setInt(4, Double.isNaN(merged.latest()) ? 1 : 0);
                    upsert.setLong(5, merged.latestTimestamp());
                    upsert.setLong(6, merged.latestStep());
                    SqlValues.setDouble(upsert, 7, merged.min());
                    SqlValues.setDouble(upsert, 8, merged.max());
                    upsert.setLong(9, merged.count());
                    upsert.addBatch();
                }
            }
            chunk.executeBatch();
            upsert.executeBatch();
        }
    }

    /** The summary of one column set alone: latest in MLflow's order, min and max over non-NaN values. */
    static MetricSummary summary(MetricColumns m) {
        long[] steps = m.steps();
        long[] ts = m.timestamps();
        double[] values = m.values();
        int latest = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < m.size(); i++) {
            double v = values[i];
            if (Metric.compareForLatest(steps[i], ts[i], v, steps[latest], ts[latest], values[latest]) > 0) latest = i;
            if (!Double.isNaN(v)) {
                if (Double.isNaN(min) || v < min) min = v;
                if (Double.isNaN(max) || v > max) max = v;
            }
        }
        return new MetricSummary(m.key(), values[latest], ts[latest], steps[latest], min, max, m.size());
    }

    /** At most MAX_POINTS_PER_CHUNK points a chunk, in logging order. */
    private static void addChunks(PreparedStatement chunk, long rid, MetricColumns m) throws SQLException {
        for (int from = 0; from < m.size(); from += MAX_POINTS_PER_CHUNK) {
            int to = Math.min(m.size(), from + MAX_POINTS_PER_CHUNK);
            chunk.setLong(1, rid);
            chunk.setString(2, m.key());
            chunk.setInt(3, to - from);
            chunk.setBytes(4, PointCodec.encode(m.steps(), m.timestamps(), m.values(), from, to));
            chunk.addBatch();
        }
    }

    /** The stored summary of a (run, key), or null when it has no points yet. */
    private static MetricSummary stored(PreparedStatement read, long rid, String key, SummaryCache summaries)
            throws SQLException {
        summaries.readBack();
        read.setLong(1, rid);
        read.setString(2, key);
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) return null;
            return new MetricSummary(key, rs.getInt(2) == 1 ? Double.NaN : rs.getDouble(1), rs.getLong(3),
                    rs.getLong(4), SqlValues.getDouble(rs, 5), SqlValues.getDouble(rs, 6), rs.getLong(7));
        }
    }
}
