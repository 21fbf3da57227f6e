package io.jruns.internal.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned migrations. Each entry moves the schema one version up; a store opened by an
 * older jruns is upgraded in place, and a store from a newer jruns is refused rather than
 * misread. Never edit a released step: add the next one.
 */
final class Schema {
    static final List<List<String>> MIGRATIONS = List.of(
            // v1: experiments, runs, params, tags, metric summaries and chunked history.
            List.of(
                    """
                    CREATE TABLE experiments (
                      experiment_id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      artifact_location TEXT NOT NULL,
                      lifecycle_stage TEXT NOT NULL DEFAULT 'active',
                      creation_time INTEGER NOT NULL,
                      last_update_time INTEGER NOT NULL)""",
                    """
                    CREATE TABLE experiment_tags (
                      experiment_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                      PRIMARY KEY (experiment_id, key)) WITHOUT ROWID""",
                    """
                    CREATE TABLE runs (
                      rid INTEGER PRIMARY KEY,
                      run_uuid TEXT NOT NULL UNIQUE,
                      experiment_id INTEGER NOT NULL,
                      name TEXT,
                      user_id TEXT,
                      status TEXT NOT NULL,
                      start_time INTEGER NOT NULL,
                      end_time INTEGER,
                      lifecycle_stage TEXT NOT NULL DEFAULT 'active',
                      deleted_time INTEGER,
                      artifact_uri TEXT NOT NULL,
                      owner_host TEXT,
                      owner_pid INTEGER,
                      owner_start INTEGER,
                      heartbeat INTEGER)""",
                    "CREATE INDEX runs_by_experiment ON runs (experiment_id, start_time DESC)",
                    "CREATE INDEX runs_running ON runs (status) WHERE status = 'RUNNING'",
                    """
                    CREATE TABLE params (
                      rid INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                      PRIMARY KEY (rid, key)) WITHOUT ROWID""",
                    "CREATE INDEX params_by_key_value ON params (key, value)",
                    """
                    CREATE TABLE tags (
                      rid INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                      PRIMARY KEY (rid, key)) WITHOUT ROWID""",
                    "CREATE INDEX tags_by_key_value ON tags (key, value)",
                    // One row per (run, key): latest by MLflow's order, min and max over
                    // non-NaN values. SQLite stores NaN as NULL, so NaN is flagged apart.
                    """
                    CREATE TABLE metric_summaries (
                      rid INTEGER NOT NULL, key TEXT NOT NULL,
                      latest REAL, latest_is_nan INTEGER NOT NULL,
                      latest_ts INTEGER NOT NULL, latest_step INTEGER NOT NULL,
                      min_value REAL, max_value REAL, count INTEGER NOT NULL,
                      PRIMARY KEY (rid, key)) WITHOUT ROWID""",
                    "CREATE INDEX metric_summaries_by_key_latest ON metric_summaries (key, latest)",
                    "CREATE INDEX metric_summaries_by_key_min ON metric_summaries (key, min_value)",
                    "CREATE INDEX metric_summaries_by_key_max ON metric_summaries (key, max_value)",
                    // Full history as append-only chunks of packed points (see PointCodec):
                    // one row per (run, key) per commit, so writes never rewrite old rows.
                    """
                    CREATE TABLE metric_chunks (
                      id INTEGER PRIMARY KEY,
                      rid INTEGER NOT NULL, key TEXT NOT NULL,
                      n INTEGER NOT NULL, points BLOB NOT NULL)""",
                    "CREATE INDEX metric_chunks_by_run_key ON metric_chunks (rid, key, id)"),
            // v2: managing runs. Which delete took a run (so restore brings back what went
            // with it), deleted runs by time (bulk restore, gc), and store-wide settings
            // such as when gc last ran.
            List.of(
                    "ALTER TABLE runs ADD COLUMN deleted_batch TEXT",
                    "CREATE INDEX runs_deleted ON runs (experiment_id, deleted_time) WHERE lifecycle_stage = 'deleted'",
                    "CREATE INDEX runs_deleted_by_time ON runs (deleted_time) WHERE lifecycle_stage = 'deleted'",
                    "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
            // v3: no new tables, a new rule: a metric with one point keeps it in its summary only
            // (SinglePoints). A jruns that knows only v2 would read that history as empty, so
            // the version step makes it refuse such a store instead.
            List.of());

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Brings the schema up to date; returns the version found before migrating. */
    static int migrate(Connection c) throws SQLException {
        Connections.exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int current = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            if (rs.next()) current = rs.getInt(1);
        }
        if (current > latestVersion()) {
            throw new SQLException("this store was written by a newer jruns (schema v" + current
                    + ", this jruns knows up to v" + latestVersion() + "): upgrade jruns to open it");
        }
        for (int v = current; v < latestVersion(); v++) {
            for (String sql : MIGRATIONS.get(v)) Connections.exec(c, sql);
            Connections.exec(c, "INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
        }
        return current;
    }
}
