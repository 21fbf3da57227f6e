package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.RunEnd;
import io.jruns.store.RunNames;
import io.jruns.store.RunStart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of a run's own row: creating it (owned by this process, or by none) and changing its state or name. */
final class RunRows {
    private RunRows() {
    }

    /**
     * A new run's tags: the caller's, with {@code mlflow.runName} equal to the run name (given,
     * else from the tags, else a generated one) and {@code mlflow.user} when known.
     */
    static Map<String, String> startTags(List<RunTag> tags, String runName, String userId) {
        Map<String, String> all = new LinkedHashMap<>();
        for (RunTag t : tags) all.put(t.key(), t.value());
        String name = runName != null ? runName : all.getOrDefault(SystemTags.RUN_NAME, RunNames.generate());
        all.put(SystemTags.RUN_NAME, name);
        if (userId != null) all.putIfAbsent(SystemTags.USER, userId);
        return all;
    }

    /** Inserts a RUNNING run owned by this process, with its tags; returns its internal id. */
    static long insert(Connection c, String runId, long experimentKey, String name, String userId, long startTime,
                       String artifactUri, Map<String, String> tags, long now) throws SQLException {
        long rid;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_uuid, experiment_id, name, user_id, "
                + "status, start_time, artifact_uri, owner_host, owner_pid, owner_start, heartbeat) "
                + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?) RETURNING rid")) {
            ps.setString(1, runId);
            ps.setLong(2, experimentKey);
            ps.setString(3, name);
            ps.setString(4, userId);
            ps.setLong(5, startTime);
            ps.setString(6, artifactUri);
            setOwner(ps, true, now);
            try (var rs = ps.executeQuery()) {
                rs.next();
                rid = rs.getLong(1);
            }
        }
        List<RunTag> tagList = new ArrayList<>();
        tags.forEach((k, v) -> tagList.add(new RunTag(k, v)));
        RunWrites.writeTags(c, Map.of(rid, tagList));
        return rid;
    }

    /**
     * Inserts runs planned earlier ({@code Store.planRun}) with their tags, owned by this
     * process as {@link #insert} does unless {@link RunStart#owned} says not; returns each
     * run's internal id by run id.
     */
    static Map<String, Long> insertAll(Connection c, List<RunStart> starts, long now) throws SQLException {
        Map<String, Long> rids = new LinkedHashMap<>();
        if (starts.isEmpty()) return rids;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_uuid, experiment_id, name, user_id, "
                + "status, start_time, artifact_uri, owner_host, owner_pid, owner_start, heartbeat) "
                + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?) RETURNING rid");
             PreparedStatement tag = c.prepareStatement("INSERT INTO tags (rid, key, value) VALUES (?, ?, ?)")) {
            for (RunStart s : starts) {
                RunInfo i = s.info();
                ps.setString(1, i.runId());
                ps.setLong(2, Experiments.key(i.experimentId()));
                ps.setString(3, i.runName());
                ps.setString(4, i.userId());
                ps.setLong(5, i.startTime());
                ps.setString(6, i.artifactUri());
                setOwner(ps, s.owned(), now);
                long rid;
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    rid = rs.getLong(1);
                }
                rids.put(i.runId(), rid);
                for (RunTag t : s.tags()) { // a new run: no tag to replace, and the name row is written above
                    tag.setLong(1, rid);
                    tag.setString(2, t.key());
                    tag.setString(3, t.value());
                    tag.addBatch();
                }
            }
            tag.executeBatch();
        }
        return rids;
    }

    /**
     * Parameters 7 to 10 of the insert: this process as owner, or none (a run written for
     * someone else has no owner here to outlive, and is never ended as dead).
     */
    private static void setOwner(PreparedStatement ps, boolean owned, long now) throws SQLException {
        if (owned) {
            ps.setString(7, Liveness.HOST);
            ps.setLong(8, Liveness.PID);
            ps.setLong(9, Liveness.START);
        } else {
            ps.setNull(7, Types.VARCHAR);
            ps.setNull(8, Types.BIGINT);
            ps.setNull(9, Types.BIGINT);
        }
        ps.setLong(10, now);
    }

    private static JrunsException notActive(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE run_uuid = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new JrunsException(JrunsException.Code.INVALID_STATE, "run '" + runId + "' is deleted: restore it first")
                        : JrunsException.notFound("run '" + runId + "' does not exist");
            }
        }
    }

    /**
     * Ends runs in the order given; a run that does not exist is recorded in {@code problems}.
     * A deleted one is ended all the same: its writer still ran it, and a restore should not
     * bring back a run that says RUNNING forever.
     */
    static void endAll(Connection c, List<RunEnd> ends, List<JrunsException> problems) throws SQLException {
        if (ends.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, end_time = ? WHERE run_uuid = ?")) {
            for (RunEnd e : ends) {
                ps.setString(1, e.status().name());
                ps.setLong(2, e.endTime());
                ps.setString(3, e.runId());
                ps.addBatch();
            }
            int[] changed = ps.executeBatch();
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] == 0) problems.add(JrunsException.notFound("run '" + ends.get(i).runId() + "' does not exist"));
            }
        }
    }

    /**
     * Sets status, end time and name where given (null leaves them); the name's tag follows. A
     * deleted run is refused, as MLflow's update-run does. (A run deleted while it runs still
     * gets its end from the writer that started it: see {@link #endAll}.)
     */
    static void update(Connection c, String runId, RunStatus status, Long endTime, String runName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = coalesce(?, status), "
                + "end_time = coalesce(?, end_time), name = coalesce(?, name) WHERE run_uuid = ? "
                + "AND lifecycle_stage = 'active'")) {
            ps.setString(1, status == null ? null : status.name());
            if (endTime == null) ps.setNull(2, Types.INTEGER);
            else ps.setLong(2, endTime);
            ps.setString(3, runName);
            ps.setString(4, runId);
            if (ps.executeUpdate() == 0) throw notActive(c, runId);
        }
        if (runName == null) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags (rid, key, value) "
                + "SELECT rid, ?, ? FROM runs WHERE run_uuid = ? "
                + "ON CONFLICT (rid, key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, SystemTags.RUN_NAME);
            ps.setString(2, runName);
            ps.setString(3, runId);
            ps.executeUpdate();
        }
    }
}
