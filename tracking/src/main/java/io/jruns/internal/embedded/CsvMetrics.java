package io.jruns.internal.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The latest metric values of a CSV export, read on a thread of their own through the second
 * connection of a {@link Database#readPair} (the snapshot the other cells are read in), a
 * block of runs at a time in the export's order. They are most of what an export reads, and a
 * double travels exactly only as a double: one row per value, read by position with a getLong
 * (block position, NaN flag and, when it must be looked up, column in one number) and a
 * getDouble. A key's column is its rank in the run's own rows when the run has every key;
 * otherwise it comes from a join with a small temporary table, cheaper in SQLite than a CASE
 * over the keys.
 * Two blocks circulate: one being read while the other is written out.
 */
final class CsvMetrics implements AutoCloseable {
    private static final String KEYS = "temp.jruns_csv_metric_keys";

    /** One block's values: {@code values[run][column]}, set where {@code has[run][column]}. */
    static final class Block {
        final double[][] values;
        final boolean[][] has;

        Block(int runs, int columns) {
            values = new double[runs][columns];
            has = new boolean[runs][columns];
        }
    }

    private static final Block FAILED = new Block(0, 0);

    private final Connection c;
    private final List<String> metricKeys;
    private final List<String> blocks;
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Block> ready = new ArrayBlockingQueue<>(3); // room for FAILED beside both
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean stopped;

    /** Starts reading {@code blocks} (JSON arrays of rids, at most {@code blockSize} each) on {@code c}. */
    CsvMetrics(Connection c, List<String> metricKeys, List<String> blocks, int blockSize) {
        this.c = c;
        this.metricKeys = metricKeys;
        this.blocks = blocks;
        for (int i = 0; i < 2; i++) free.add(new Block(blockSize, metricKeys.size()));
        thread = new Thread(this::run, "jruns-csv-metrics");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next block's values, in order; waits for them. */
    Block next() throws SQLException {
        Block b;
        try {
            b = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while exporting CSV", e);
        }
        if (b != FAILED) return b;
        if (failure instanceof SQLException e) throw new SQLException(e.getMessage(), e);
        throw new IllegalStateException("CSV: reading metric values failed: " + failure, failure);
    }

    /** Hands a block back once its rows are written out. */
    void release(Block b) {
        free.add(b);
    }

    private void run() {
        try {
            Connections.exec(c, "CREATE TEMP TABLE IF NOT EXISTS " + KEYS.substring(5)
                    + " (key TEXT PRIMARY KEY, col INTEGER NOT NULL) WITHOUT ROWID");
            try {
                readAll();
            } finally {
                Connections.exec(c, "DELETE FROM " + KEYS);
            }
        } catch (InterruptedException e) {
            // stopped by close(): the reading side failed
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            ready.add(FAILED);
        }
    }

    private void readAll() throws SQLException, InterruptedException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + KEYS + " (key, col) VALUES (?, ?)")) {
            for (int i = 0; i < metricKeys.size(); i++) {
                ps.setString(1, metricKeys.get(i));
                ps.setInt(2, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long columns = Math.max(1, metricKeys.size());
        try (PreparedStatement inOrder = c.prepareStatement("SELECT j.key * 2 + m.latest_is_nan, m.latest "
                + "FROM json_each(?) j CROSS JOIN metric_summaries m ON m.rid = j.value");
             PreparedStatement joined = c.prepareStatement("SELECT (j.key * " + columns + " + k.col) * 2 + m.latest_is_nan, "
                + "m.latest FROM json_each(?) j CROSS JOIN metric_summaries m ON m.rid = j.value "
                + "CROSS JOIN " + KEYS + " k ON k.key = m.key")) {
            for (String rids : blocks) {
                Block b = free.take();
                if (!readInKeyOrder(inOrder, rids, b)) readJoined(joined, rids, b, columns);
                ready.put(b);
                if (stopped) return;
            }
        }
    }

    /**
     * The common case, when every run of the block that has metrics has all the export's keys:
     * a run's summaries come in its primary key's order (rid, key), which is the order of
     * metricKeys (BINARY, as {@link CsvRows} finds them), so the n-th value is the n-th column
     * and SQLite need not join each row to its column (half its time). False, with the block
     * to be read again by {@link #readJoined}, as soon as a run lacks a key.
     */
    private boolean readInKeyOrder(PreparedStatement ps, String rids, Block b) throws SQLException {
        int columns = metricKeys.size();
        int run = -1;
        int col = columns;
        ps.setString(1, rids);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long code = rs.getLong(1);
                int at = (int) (code >>> 1);
                if (at != run) {
                    if (col != columns || at < run) return false; // the last run lacked a key
                    for (int skipped = run + 1; skipped < at; skipped++) Arrays.fill(b.has[skipped], false);
                    run = at;
                    col = 0;
                } else if (col == columns) {
                    return false;
                }
                // NaN is stored as NULL, hence the flag; getDouble only for real values
                b.values[run][col] = (code & 1) == 1 ? Double.NaN : rs.getDouble(2);
                b.has[run][col++] = true;
            }
        }
        if (col != columns) return false;
        for (int skipped = run + 1; skipped < b.has.length; skipped++) Arrays.fill(b.has[skipped], false);
        return true;
    }

    private void readJoined(PreparedStatement ps, String rids, Block b, long columns) throws SQLException {
        for (boolean[] h : b.has) Arrays.fill(h, false);
        ps.setString(1, rids);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long code = rs.getLong(1);
                long at = code >>> 1;
                int run = (int) (at / columns);
                int col = (int) (at % columns);
                b.values[run][col] = (code & 1) == 1 ? Double.NaN : rs.getDouble(2);
                b.has[run][col] = true;
            }
        }
    }

    /** Stops the reading (when the other side failed) and waits for the thread: the connection is then free. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
