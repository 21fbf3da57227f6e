package io.jruns.internal.embedded;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads runs back: info rows plus their params, tags and metric summaries. */
final class RunReads {
    static final String INFO_COLUMNS = "rid, run_uuid, experiment_id, name, user_id, status, start_time, end_time, "
            + "lifecycle_stage, deleted_time, artifact_uri";

    private RunReads() {
    }

    static Optional<Run> get(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO_COLUMNS + " FROM runs WHERE run_uuid = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long rid = rs.getLong(1);
                return Optional.of(new Run(info(rs), data(c, rid)));
            }
        }
    }

    /** The run's info alone, without its params, metrics and tags: what its artifacts need. */
    static Optional<RunInfo> infoOf(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO_COLUMNS + " FROM runs WHERE run_uuid = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    static List<Run> list(Connection c, List<String> experimentIds, ViewType view, int max) throws SQLException {
        String in = experimentIds.stream().map(id -> "?").collect(Collectors.joining(","));
        String stage = switch (view) {
            case ACTIVE_ONLY -> " AND lifecycle_stage = 'active'";
            case DELETED_ONLY -> " AND lifecycle_stage = 'deleted'";
            case ALL -> "";
        };
        String sql = "SELECT " + INFO_COLUMNS + " FROM runs WHERE experiment_id IN (" + in + ")" + stage
                + " ORDER BY start_time DESC, run_uuid LIMIT ?";
        List<Long> rids = new ArrayList<>();
        List<RunInfo> infos = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : experimentIds) ps.setLong(i++, Long.parseLong(id));
            ps.setInt(i, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rids.add(rs.getLong(1));
                    infos.add(info(rs));
                }
            }
        }
        List<Run> runs = new ArrayList<>(infos.size());
        for (int k = 0; k < infos.size(); k++) runs.add(new Run(infos.get(k), data(c, rids.get(k))));
        return runs;
    }

    /** Reads the info columns of the current row, laid out as {@link #INFO_COLUMNS}. */
    static RunInfo info(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getString(2), String.valueOf(rs.getLong(3)), rs.getString(4), rs.getString(5),
                RunStatus.valueOf(rs.getString(6)), rs.getLong(7), SqlValues.getLongOrNull(rs, 8),
                LifecycleStage.fromWire(rs.getString(9)), SqlValues.getLongOrNull(rs, 10), rs.getString(11));
    }

    static RunData data(Connection c, long rid) throws SQLException {
        return new RunData(summaries(c, rid), keyValues(c, "params", rid), keyValues(c, "tags", rid));
    }

    private static Map<String, String> keyValues(Connection c, String table, long rid) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM " + table + " WHERE rid = ?")) {
            ps.setLong(1, rid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Map<String, MetricSummary> summaries(Connection c, long rid) throws SQLException {
        Map<String, MetricSummary> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, latest, latest_is_nan, latest_ts, latest_step, "
                + "min_value, max_value, count FROM metric_summaries WHERE rid = ?")) {
            ps.setLong(1, rid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    double latest = rs.getInt(3) == 1 ? Double.NaN : rs.getDouble(2);
                    out.put(key, new MetricSummary(key, latest, rs.getLong(4), rs.getLong(5),
                            SqlValues.getDouble(rs, 6), SqlValues.getDouble(rs, 7), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    static List<Metric> history(Connection c, String runId, String key) throws SQLException {
        List<Metric> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT mc.points FROM metric_chunks mc "
                + "JOIN runs r ON r.rid = mc.rid WHERE r.run_uuid = ? AND mc.key = ? ORDER BY mc.id")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) PointCodec.decode(key, rs.getBytes(1), out);
            }
        }
        if (out.isEmpty()) SinglePoints.fromSummary(c, runId, key).ifPresent(out::add);
        return out;
    }
}
