package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.store.BulkLimits;
import io.jruns.store.Progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Soft delete and restore on the embedded store, set-based: the runs to change are chosen
 * with one query (descendants through a recursive query over the parent tag), then changed
 * in transactions of {@link #CHUNK} runs, so a big bulk call never holds the write lock for
 * long and reports progress as it goes. Each delete call stamps its runs with one batch id
 * (runs.deleted_batch): a restore brings back the descendants that went with the run.
 */
final class RunLifecycle {
    static final int CHUNK = 1000;

    private RunLifecycle() {
    }

    private record Row(long rid, boolean deleted, String batch) {
    }

    static int delete(Database db, List<String> runIds, boolean keepDescendants, Progress progress) {
        List<Long> targets = db.read(c -> {
            List<Long> roots = new ArrayList<>(rows(c, runIds).keySet());
            return keepDescendants ? roots : tree(c, roots, "r.lifecycle_stage = 'active'", null);
        });
        return change(db, targets, true, progress, System.currentTimeMillis());
    }

    /**
     * Deletes one run as deleted at {@code deletedTime} (an imported run keeps its source's time).
     * Runs imported with the same time were deleted by one call at their source, which stamps one
     * time: they get one batch again, so restoring a run brings back what went with it there.
     */
    static int deleteAt(Database db, String runId, long deletedTime) {
        List<Long> targets = db.read(c -> new ArrayList<>(rows(c, List.of(runId)).keySet()));
        return change(db, targets, true, Progress.NONE, deletedTime, "at" + deletedTime);
    }

    static int restore(Database db, List<String> runIds, boolean withDescendants, Progress progress) {
        List<Long> targets = db.read(c -> {
            List<Long> roots = new ArrayList<>();
            for (Map.Entry<Long, Row> e : rows(c, runIds).entrySet()) if (e.getValue().deleted()) roots.add(e.getKey());
            return withDescendants ? deletedWith(c, roots) : roots;
        });
        return change(db, targets, false, progress, 0);
    }

    static int deleteCreatedBefore(Database db, long experimentId, long maxTimestamp, int maxRuns, Progress progress) {
        BulkLimits.timestamp("max timestamp", maxTimestamp);
        int cap = BulkLimits.maxRuns(maxRuns);
        List<Long> targets = db.read(c -> select(c, "SELECT rid FROM runs WHERE experiment_id = ? AND "
                + "lifecycle_stage = 'active' AND start_time <= ? ORDER BY start_time, run_uuid LIMIT ?",
                experimentId, maxTimestamp, cap));
        return change(db, targets, true, progress, System.currentTimeMillis());
    }

    static int restoreDeletedSince(Database db, long experimentId, long minTimestamp, int maxRuns, Progress progress) {
        BulkLimits.timestamp("min timestamp", minTimestamp);
        int cap = BulkLimits.maxRuns(maxRuns);
        List<Long> targets = db.read(c -> select(c, "SELECT rid FROM runs WHERE experiment_id = ? AND "
                + "lifecycle_stage = 'deleted' AND deleted_time >= ? ORDER BY deleted_time DESC, run_uuid LIMIT ?",
                experimentId, minTimestamp, cap));
        return change(db, targets, false, progress, 0);
    }

    /** Flips the runs still in the other state, a chunk per transaction; returns how many changed. */
    private static int change(Database db, List<Long> rids, boolean delete, Progress progress, long now) {
        return change(db, rids, delete, progress, now, UUID.randomUUID().toString().replace("-", ""));
    }

    private static int change(Database db, List<Long> rids, boolean delete, Progress progress, long now, String batch) {
        String what = delete ? "runs deleted" : "runs restored";
        String sql = delete
                ? "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?, deleted_batch = ? "
                        + "WHERE rid IN (SELECT value FROM json_each(?)) AND lifecycle_stage = 'active'"
                : "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL, deleted_batch = NULL "
                        + "WHERE rid IN (SELECT value FROM json_each(?)) AND lifecycle_stage = 'deleted'";
        int changed = 0;
        for (int from = 0; from < rids.size(); from += CHUNK) {
            String chunk = rids.subList(from, Math.min(rids.size(), from + CHUNK)).toString();
            changed += db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    if (delete) {
                        ps.setLong(i++, now);
                        ps.setString(i++, batch);
                    }
                    ps.setString(i, chunk);
                    return ps.executeUpdate();
                }
            });
            progress.update(what, Math.min(rids.size(), from + CHUNK), rids.size());
        }
        return changed;
    }

    /** The runs by id, in the order given; the first missing id is a not-found error. */
    private static Map<Long, Row> rows(Connection c, List<String> runIds) throws SQLException {
        Map<Long, Row> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rid, lifecycle_stage, deleted_batch FROM runs WHERE run_uuid = ?")) {
            for (String id : runIds) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw JrunsException.notFound("run '" + id + "' does not exist");
                    out.put(rs.getLong(1), new Row(rs.getLong(1), "deleted".equals(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /**
     * The roots and every run below them in their experiment (children name their parent in the
     * parent tag), kept when they meet {@code condition} on {@code runs r}. A child logged to
     * another experiment stays, as MLflow's own delete and the UI's question count them: deleting
     * in one experiment never reaches into another. UNION drops repeats, so a cycle of parent tags
     * ends. CROSS JOIN keeps SQLite walking from the tree outwards: left to choose, it may scan
     * every run per query.
     */
    private static List<Long> tree(Connection c, List<Long> roots, String condition, String bind) throws SQLException {
        String sql = "WITH RECURSIVE tree(rid, uuid, exp) AS ("
                + "SELECT rid, run_uuid, experiment_id FROM runs WHERE rid IN (SELECT value FROM json_each(?)) "
                + "UNION SELECT r.rid, r.run_uuid, tree.exp FROM tree CROSS JOIN tags t CROSS JOIN runs r "
                + "WHERE t.key = ? AND t.value = tree.uuid AND r.rid = t.rid AND r.experiment_id = tree.exp) "
                + "SELECT r.rid FROM tree CROSS JOIN runs r WHERE r.rid = tree.rid AND " + condition;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, roots.toString());
            ps.setString(2, SystemTags.PARENT_RUN_ID);
            if (bind != null) ps.setString(3, bind);
            return rids(ps);
        }
    }

    /**
     * Deleted roots and the runs below them that the same delete call took (same batch as
     * their root), in one query whatever the number of roots. A root deleted before batches
     * were recorded comes back alone.
     */
    private static List<Long> deletedWith(Connection c, List<Long> roots) throws SQLException {
        String sql = "WITH RECURSIVE tree(rid, uuid, root, batch) AS ("
                + "SELECT rid, run_uuid, rid, deleted_batch FROM runs WHERE rid IN (SELECT value FROM json_each(?)) "
                + "UNION SELECT r.rid, r.run_uuid, tree.root, tree.batch FROM tree CROSS JOIN tags t CROSS JOIN runs r "
                + "WHERE tree.batch IS NOT NULL AND t.key = ? AND t.value = tree.uuid AND r.rid = t.rid) "
                + "SELECT DISTINCT r.rid FROM tree CROSS JOIN runs r WHERE r.rid = tree.rid AND (tree.rid = tree.root "
                + "OR (r.lifecycle_stage = 'deleted' AND r.deleted_batch = tree.batch))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, roots.toString());
            ps.setString(2, SystemTags.PARENT_RUN_ID);
            return rids(ps);
        }
    }

    private static List<Long> rids(PreparedStatement ps) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private static List<Long> select(Connection c, String sql, long a, long b, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.setInt(3, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        }
    }
}
