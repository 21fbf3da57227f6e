package io.jruns.internal.embedded;

import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who owns a RUNNING run: host, pid and the process's start time (so a reused pid is not
 * mistaken for the owner), plus a heartbeat. When a store opens, runs whose owner is gone
 * are ended as KILLED with a tag saying why.
 */
final class Liveness {
    /** A run on another host is presumed dead after this long without a heartbeat. */
    static final long STALE_AFTER_MS = 10 * 60_000;
    static final long HEARTBEAT_EVERY_MS = 30_000;

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();
    static final long START = startOf(ProcessHandle.current()).orElse(0L);

    private Liveness() {
    }

    private record Owned(long rid, String runId, String host, long pid, long start, long heartbeat) {
    }

    /** Ends the RUNNING runs whose owning process is gone; returns how many. */
    static int endOrphans(Connection c, long now) throws SQLException {
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, run_uuid, owner_host, owner_pid, owner_start, heartbeat "
                + "FROM runs WHERE status = 'RUNNING' AND owner_pid IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owned.add(new Owned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        }
        int ended = 0;
        for (Owned o : owned) {
            String why = deathReason(o, now);
            if (why == null) continue;
            try (PreparedStatement end = c.prepareStatement(
                    "UPDATE runs SET status = ?, end_time = ? WHERE rid = ? AND status = 'RUNNING'");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO tags (rid, key, value) VALUES (?, ?, ?) "
                         + "ON CONFLICT (rid, key) DO UPDATE SET value = excluded.value")) {
                end.setString(1, RunStatus.KILLED.name());
                // not before its own data, nor after now: a value logged with a clock in the future
                end.setLong(2, Math.min(now, Math.max(o.heartbeat(), lastLogged(c, o.rid()))));
                end.setLong(3, o.rid());
                if (end.executeUpdate() == 0) continue;
                tag.setLong(1, o.rid());
                tag.setString(2, SystemTags.KILLED_REASON);
                tag.setString(3, why + "; ended by pid " + PID + " on " + HOST + " at " + Instant.ofEpochMilli(now));
                tag.executeUpdate();
                ended++;
            }
        }
        return ended;
    }

    /** The process that owns a RUNNING run, while it may be alive ({@link #deathReason} finds no reason). */
    static Optional<String> liveOwner(Connection c, String runId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rid, run_uuid, owner_host, owner_pid, owner_start, heartbeat "
                + "FROM runs WHERE run_uuid = ? AND status = 'RUNNING' AND owner_pid IS NOT NULL")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Owned o = new Owned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                if (deathReason(o, now) != null) return Optional.empty();
                String who = o.pid() == PID && HOST.equals(o.host()) ? "this process (" + o.pid() + ")"
                        : "process " + o.pid() + " on " + o.host();
                // another host's process is only known by its heartbeat
                return Optional.of(HOST.equals(o.host()) ? who
                        : who + " (heartbeat " + Math.max(0, now - o.heartbeat()) / 1000 + " s ago)");
            }
        }
    }

    /**
     * The latest metric time the run holds: its owner logged up to then, though its last
     * heartbeat (every 30 s) may be older; the end time is not put before the run's own data.
     */
    private static long lastLogged(Connection c, long rid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(latest_ts) FROM metric_summaries WHERE rid = ?")) {
            ps.setLong(1, rid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0; // no metric: 0, and the heartbeat stands
            }
        }
    }

    /** Why the owner is considered dead, or null while it may be alive. */
    static String deathReason(String host, long pid, long start, long heartbeat, long now) {
        return deathReason(new Owned(0, "", host, pid, start, heartbeat), now);
    }

    private static String deathReason(Owned o, long now) {
        String owner = "process " + o.pid() + " on " + o.host();
        if (HOST.equals(o.host())) {
            Optional<ProcessHandle> p = ProcessHandle.of(o.pid());
            if (p.isEmpty() || !p.get().isAlive()) return owner + " exited without ending the run";
            Optional<Long> started = startOf(p.get());
            if (o.start() != 0 && started.isPresent() && Math.abs(started.get() - o.start()) > 1000) {
                return owner + " exited without ending the run (its pid now belongs to another process)";
            }
            return null;
        }
        if (now - o.heartbeat() > STALE_AFTER_MS) {
            return owner + " sent no heartbeat for " + (now - o.heartbeat()) / 60_000 + " minutes";
        }
        return null;
    }

    static void beat(Connection c, List<Long> rids, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET heartbeat = ? WHERE rid = ? AND status = 'RUNNING'")) {
            for (long rid : rids) {
                ps.setLong(1, now);
                ps.setLong(2, rid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<Long> startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
