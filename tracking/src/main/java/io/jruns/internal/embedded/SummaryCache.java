package io.jruns.internal.embedded;

import io.jruns.domain.MetricSummary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The metric summaries the writer connection committed last, by run id and key, so the next
 * round merges into them without reading them back. Kept only while no other connection has
 * committed: {@code PRAGMA data_version} changes exactly then (another process, another store
 * on the same file), and the cache is dropped; so do this connection's transactions outside
 * the logging path (see Database.log). A transaction's summaries count only once it commits.
 */
final class SummaryCache {
    /** Enough for many runs of many keys; past it the cache starts over (reads refill it). */
    static final int MAX_ENTRIES = 100_000;

    private final Map<String, MetricSummary> committed = new HashMap<>();
    private final Map<String, MetricSummary> staged = new HashMap<>();
    private long dataVersion = Long.MIN_VALUE;
    private long readBacks;

    /**
     * At the start of each write transaction on the writer connection (its lock held); only
     * the logging path's ({@code logging}) keep what is cached.
     */
    void begun(Connection c, boolean logging) throws SQLException {
        staged.clear();
        if (!logging) {
            committed.clear();
            return;
        }
        long v = dataVersion(c);
        if (v != dataVersion) committed.clear();
        dataVersion = v;
    }

    void committed() {
        if (committed.size() + staged.size() > MAX_ENTRIES) committed.clear();
        committed.putAll(staged);
        staged.clear();
    }

    void rolledBack() {
        staged.clear();
        committed.clear(); // cheap insurance: the next rounds read their summaries back
    }

    /** The summary as of this transaction, or null when it must be read from the table. */
    MetricSummary get(String runId, String key) {
        String k = id(runId, key);
        MetricSummary s = staged.get(k);
        return s != null ? s : committed.get(k);
    }

    void put(String runId, String key, MetricSummary summary) {
        staged.put(id(runId, key), summary);
    }

    /** Forgets a (run, key): the next write reads its summary back. Safe at any time, as a miss is. */
    void drop(String runId, String key) {
        String k = id(runId, key);
        staged.remove(k);
        committed.remove(k);
    }

    /** Summaries held, committed or staged (for tests). */
    int size() {
        return committed.size() + staged.size();
    }

    /** Counts a summary the cache did not have, read back from the table instead. */
    void readBack() {
        readBacks++;
    }

    /** How many summaries were read back so far (what the cache exists to avoid). */
    long readBacks() {
        return readBacks;
    }

    /** By run id and key: what the logging path has at hand (rids come from a lookup). */
    private static String id(String runId, String key) {
        return runId + '\u0000' + key; // run ids are hex: no NUL in them
    }

    private static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
