package io.jruns.internal.embedded;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.store.MetricColumns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A metric with one point keeps it in its summary only (schema v3): the summary's latest
 * value, timestamp and step are that point, so a history chunk would repeat it. Most runs
 * log their final metrics once, and the chunk row with its index entry was a fifth of what
 * creating such a run wrote. Only values the summary holds bit for bit qualify: SQLite keeps
 * -0.0 as 0 and any NaN as NULL, so those points still get their chunk. When a second point
 * comes, the first moves from the summary into the chunk written with it.
 */
final class SinglePoints {
    private static final long NAN_BITS = Double.doubleToRawLongBits(Double.NaN);
    private static final long MINUS_ZERO_BITS = Double.doubleToRawLongBits(-0.0);

    private SinglePoints() {
    }

    /** Whether a first write of these points needs no chunk: one point the summary keeps exactly. */
    private static boolean keptInSummary(MetricColumns m) {
        if (m.size() != 1) return false;
        long bits = Double.doubleToRawLongBits(m.values()[0]);
        return Double.isNaN(m.values()[0]) ? bits == NAN_BITS : bits != MINUS_ZERO_BITS;
    }

    /**
     * The points to write as chunks when {@code old} is what the store holds (null: nothing yet):
     * none (null) for a lone first point the summary keeps; {@code m} itself; or, when the one
     * point before them lives only in the summary, that point followed by them. A store written
     * before v3 has a chunk for every point, so the probe looks rather than assumes.
     */
    static MetricColumns toChunk(PreparedStatement probe, long rid, MetricSummary old, MetricColumns m)
            throws SQLException {
        if (old == null) return keptInSummary(m) ? null : m;
        if (old.count() != 1) return m;
        probe.setLong(1, rid);
        probe.setString(2, m.key());
        try (ResultSet rs = probe.executeQuery()) {
            if (rs.next()) return m;
        }
        MetricColumns out = new MetricColumns(m.runId(), m.key(), m.size() + 1);
        out.add(old.latest(), old.latestTimestamp(), old.latestStep());
        for (int i = 0; i < m.size(); i++) out.add(m.values()[i], m.timestamps()[i], m.steps()[i]);
        return out;
    }

    /** Prepared on the writer's connection: whether a (run, key) has any chunk. */
    static PreparedStatement probe(Connection c) throws SQLException {
        return c.prepareStatement("SELECT 1 FROM metric_chunks WHERE rid = ? AND key = ? LIMIT 1");
    }

    /** The history of a (run, key) that has no chunk: its summary's point when it has exactly one. */
    static Optional<Metric> fromSummary(Connection c, String runId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ms.latest, ms.latest_is_nan, ms.latest_ts, "
                + "ms.latest_step FROM metric_summaries ms JOIN runs r ON r.rid = ms.rid "
                + "WHERE r.run_uuid = ? AND ms.key = ? AND ms.count = 1")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                double value = rs.getInt(2) == 1 ? Double.NaN : rs.getDouble(1);
                return Optional.of(new Metric(key, value, rs.getLong(3), rs.getLong(4)));
            }
        }
    }
}
