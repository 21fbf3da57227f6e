package io.jruns.internal.embedded;

import io.jruns.store.CsvTable;
import io.jruns.search.SearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV rows with as few driver calls as the data allows: sqlite-jdbc costs far more per row and
 * per cell than SQLite itself, and 100,000 runs hold 4.5 million values. The search's SQL runs
 * once; its runs go into a temporary table, against which each key of the store (found by
 * skipping through the key indexes) is checked, giving the exact header; then, a block of
 * {@link #BLOCK} runs at a time, each run's own cells, tags and params arrive as one JSON
 * array ({@link CsvRunCells}) while its latest metric values, about half the work, are read on
 * a second connection of the same snapshot by a thread of their own ({@link CsvMetrics}).
 */
final class CsvRows {
    static final int BLOCK = 2000;
    private static final String SELECTION = "temp.jruns_csv_selection";

    private CsvRows() {
    }

    /** The rows, read on two connections of one snapshot ({@link Database#readPair}). */
    static long scan(Connection c, Connection second, SearchPlan request, long limit, CsvTable table) throws SQLException {
        List<Long> runs = selection(c, request, limit);
        List<String> blocks = new ArrayList<>(); // each a JSON array of rids
        for (int from = 0; from < runs.size(); from += BLOCK) {
            blocks.add(rids(runs.subList(from, Math.min(runs.size(), from + BLOCK))));
        }
        Connections.exec(c, "CREATE TEMP TABLE IF NOT EXISTS " + SELECTION.substring(5) + " (rid INTEGER PRIMARY KEY)");
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + SELECTION
                    + " SELECT value FROM json_each(?)")) {
                for (String block : blocks) {
                    ps.setString(1, block);
                    ps.executeUpdate();
                }
            }
            List<String> paramKeys = keys(c, "params", runs.size());
            List<String> metricKeys = keys(c, "metric_summaries", runs.size());
            table.header(paramKeys, metricKeys);
            write(c, second, runs.size(), blocks, paramKeys, metricKeys, table);
            return runs.size();
        } finally {
            Connections.exec(c, "DELETE FROM " + SELECTION);
        }
    }

    /** The matching runs' rids in the search's order (their cells are read a block at a time, see write). */
    private static List<Long> selection(Connection c, SearchPlan request, long limit) throws SQLException {
        int max = (int) Math.min(Math.max(limit, 0), Integer.MAX_VALUE - 1);
        List<Long> runs = new ArrayList<>();
        if (max == 0) return runs;
        SearchPlan plan = new SearchPlan(request.experimentIds(), request.viewType(), request.filter(), request.order(),
                request.offset(), max, request.fingerprint());
        SearchSql.Query q = RunSearch.query(c, plan, SearchSql.Strategy.AUTO);
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (ResultSet rs = ps.executeQuery()) {
                while (runs.size() < max && rs.next()) {
                    runs.add(rs.getLong(1));
                }
            }
        }
        return runs;
    }

    private static String rids(List<Long> runs) {
        StringBuilder b = new StringBuilder("[");
        for (long r : runs) b.append(r).append(',');
        if (b.length() > 1) b.setLength(b.length() - 1);
        return b.append(']').toString();
    }

    /**
     * The keys some selected run has, in code point (BINARY) order: each distinct key of the
     * table found by an index seek past the previous one, kept when a selected run has it. That
     * test walks whichever is shorter, the key's rows or the selection: keys of other
     * experiments (2,000 metric keys of one wide run) must not cost a pass over 100,000 runs each.
     */
    private static List<String> keys(Connection c, String table, int selected) throws SQLException {
        String index = table.equals("params") ? "params_by_key_value" : "metric_summaries_by_key_latest";
        String distinct = "WITH RECURSIVE k(key) AS (SELECT min(key) FROM " + table + " UNION ALL SELECT (SELECT min(key) FROM "
                + table + " WHERE key > k.key) FROM k WHERE k.key IS NOT NULL) SELECT key FROM k WHERE key IS NOT NULL";
        List<String> out = new ArrayList<>();
        try (PreparedStatement all = c.prepareStatement(distinct);
             PreparedStatement rows = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM " + table + " INDEXED BY " + index
                     + " WHERE key = ? LIMIT ?)");
             PreparedStatement byKey = c.prepareStatement("SELECT 1 FROM " + table + " t INDEXED BY " + index
                     + " WHERE t.key = ? AND t.rid IN " + SELECTION + " LIMIT 1");
             PreparedStatement bySelection = c.prepareStatement("SELECT 1 FROM " + SELECTION + " s CROSS JOIN " + table
                     + " t WHERE t.rid = s.rid AND t.key = ? LIMIT 1");
             ResultSet keys = all.executeQuery()) {
            while (keys.next()) {
                String key = keys.getString(1);
                rows.setString(1, key);
                rows.setInt(2, selected);
                boolean few;
                try (ResultSet r = rows.executeQuery()) {
                    few = r.next() && r.getInt(1) < selected;
                }
                PreparedStatement test = few ? byKey : bySelection;
                test.setString(1, key);
                try (ResultSet r = test.executeQuery()) {
                    if (r.next()) out.add(key);
                }
            }
        }
        return out;
    }

    /**
     * Hands over the rows a block at a time: the runs' own cells and params read here while
     * the metric values of the same block are read on the second connection's thread.
     */
    private static void write(Connection first, Connection second, int runs, List<String> blocks, List<String> paramKeys,
                              List<String> metricKeys, CsvTable table) throws SQLException {
        String[][] fixed = new String[BLOCK][CsvCellsJson.FIXED];
        String[][] params = new String[BLOCK][paramKeys.size()];
        try (CsvRunCells cells = new CsvRunCells(first, paramKeys);
             CsvMetrics metrics = new CsvMetrics(second, metricKeys, blocks, BLOCK)) {
            for (int b = 0; b < blocks.size(); b++) {
                int n = Math.min(BLOCK, runs - b * BLOCK);
                cells.read(blocks.get(b), n, fixed, params);
                CsvMetrics.Block m = metrics.next();
                for (int i = 0; i < n; i++) table.row(fixed[i], params[i], m.values[i], m.has[i]);
                metrics.release(m);
            }
        }
    }
}
