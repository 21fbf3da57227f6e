package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.internal.validate.Validation;
import io.jruns.store.MetricColumns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes log batches inside one transaction: metric points (see MetricWrites), params
 * (immutable) and tags (upserted). A batch for a missing or deleted run, or a param
 * that conflicts, is reported back and skipped; the rest of the work still commits.
 */
final class RunWrites {
    private RunWrites() {
    }

    /**
     * Writes batches and a writer round's metric columns; {@code fresh} are runs inserted in
     * this same transaction (run id to rid): live, and without values yet, so nothing needs
     * reading first. {@code ending}: run ids whose end is written in this transaction.
     * {@code summaries} is the writer connection's (see MetricWrites).
     */
    static List<JrunsException> logBatches(Connection c, SummaryCache summaries, List<LogBatch> batches,
                                           List<MetricColumns> metrics, Map<String, Long> fresh, Set<String> ending)
            throws SQLException {
        List<JrunsException> problems = new ArrayList<>();
        Map<String, Long> rids = new HashMap<>(fresh);
        Map<Long, Map<String, MetricColumns>> points = new LinkedHashMap<>();
        Map<Long, List<Param>> params = new LinkedHashMap<>();
        Map<Long, List<RunTag>> tags = new LinkedHashMap<>();
        for (LogBatch b : batches) {
            Long rid = rids.computeIfAbsent(b.runId(), id -> liveRid(c, id, problems));
            if (rid < 0) continue;
            Map<String, MetricColumns> byKey = points.computeIfAbsent(rid, r -> new LinkedHashMap<>());
            for (Metric m : b.metrics()) byKey.computeIfAbsent(m.key(), k -> new MetricColumns(b.runId(), k)).add(m);
            params.computeIfAbsent(rid, r -> new ArrayList<>()).addAll(b.params());
            tags.computeIfAbsent(rid, r -> new ArrayList<>()).addAll(b.tags());
        }
        for (MetricColumns m : metrics) {
            Long rid = rids.computeIfAbsent(m.runId(), id -> liveRid(c, id, problems));
            if (rid >= 0) points.computeIfAbsent(rid, r -> new LinkedHashMap<>()).merge(m.key(), m, RunWrites::joined);
        }
        MetricWrites.write(c, summaries, points, fresh.isEmpty() ? Set.of() : new HashSet<>(fresh.values()), ending);
        writeParams(c, params, rids, problems);
        writeTags(c, tags);
        return problems;
    }

    /** Two column sets of one (run, key) in one round, in a new one: the caller's stay as they are for a retry. */
    private static MetricColumns joined(MetricColumns a, MetricColumns b) {
        MetricColumns out = new MetricColumns(a.runId(), a.key(), a.size() + b.size());
        for (MetricColumns m : List.of(a, b)) {
            for (int i = 0; i < m.size(); i++) out.add(m.values()[i], m.timestamps()[i], m.steps()[i]);
        }
        return out;
    }

    /** The run's internal id, or -1 after recording why it cannot be logged to. */
    private static long liveRid(Connection c, String runId, List<JrunsException> problems) {
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, lifecycle_stage FROM runs WHERE run_uuid = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    problems.add(JrunsException.notFound("run '" + runId + "' does not exist"));
                    return -1;
                }
                if (LifecycleStage.fromWire(rs.getString(2)) == LifecycleStage.DELETED) {
                    problems.add(new JrunsException(JrunsException.Code.INVALID_STATE,
                            "run '" + runId + "' is deleted: restore it before logging to it"));
                    return -1;
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeParams(Connection c, Map<Long, List<Param>> params, Map<String, Long> rids,
                                    List<JrunsException> problems) throws SQLException {
        List<Long> order = new ArrayList<>();
        List<Param> all = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO params (rid, key, value) VALUES (?, ?, ?) ON CONFLICT (rid, key) DO NOTHING")) {
            for (Map.Entry<Long, List<Param>> e : params.entrySet()) {
                for (Param p : e.getValue()) {
                    insert.setLong(1, e.getKey());
                    insert.setString(2, p.key());
                    insert.setString(3, p.value());
                    insert.addBatch();
                    order.add(e.getKey());
                    all.add(p);
                }
            }
            if (all.isEmpty()) return;
            int[] inserted = insert.executeBatch();
            // A param already there is fine with the same value (logged twice), a conflict otherwise.
            try (PreparedStatement existing = c.prepareStatement("SELECT value FROM params WHERE rid = ? AND key = ?")) {
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] > 0) continue;
                    Param p = all.get(i);
                    existing.setLong(1, order.get(i));
                    existing.setString(2, p.key());
                    try (ResultSet rs = existing.executeQuery()) {
                        if (rs.next() && !rs.getString(1).equals(p.value())) {
                            problems.add(Validation.paramConflict(runIdOf(rids, order.get(i)), p.key(), rs.getString(1), p.value()));
                        }
                    }
                }
            }
        }
    }

    private static String runIdOf(Map<String, Long> rids, long rid) {
        for (Map.Entry<String, Long> e : rids.entrySet()) if (e.getValue() == rid) return e.getKey();
        return String.valueOf(rid);
    }

    static void deleteTag(Connection c, String runId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM tags WHERE key = ? AND rid = (SELECT rid FROM runs WHERE run_uuid = ?)")) {
            ps.setString(1, key);
            ps.setString(2, runId);
            if (ps.executeUpdate() == 0) throw JrunsException.notFound("run '" + runId + "' has no tag '" + key + "'");
        }
    }

    static void writeTags(Connection c, Map<Long, List<RunTag>> tags) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO tags (rid, key, value) VALUES (?, ?, ?) ON CONFLICT (rid, key) DO UPDATE SET value = excluded.value");
             PreparedStatement rename = c.prepareStatement("UPDATE runs SET name = ? WHERE rid = ?")) {
            for (Map.Entry<Long, List<RunTag>> e : tags.entrySet()) {
                for (RunTag t : e.getValue()) {
                    upsert.setLong(1, e.getKey());
                    upsert.setString(2, t.key());
                    upsert.setString(3, t.value());
                    upsert.addBatch();
                    if (t.key().equals(SystemTags.RUN_NAME)) {
                        // The run name and its tag are one fact; keep them equal.
                        rename.setString(1, t.value());
                        rename.setLong(2, e.getKey());
                        rename.addBatch();
                    }
                }
            }
            upsert.executeBatch();
            rename.executeBatch();
        }
    }
}
