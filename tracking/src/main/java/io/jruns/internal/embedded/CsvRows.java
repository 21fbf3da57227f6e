package io.jruns.internal.embedded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jruns.domain.SystemTags;
import io.jruns.store.CsvTable;
import io.jruns.search.SearchPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV rows with as few driver calls as the data allows: sqlite-jdbc costs far more per row and
 * per cell than SQLite itself, and 100,000 runs hold 4.5 million values. The search's SQL runs
 * once; its runs go into a temporary table, against which each key of the store (found by
 * skipping through the key indexes) is checked, giving the exact header; then, a block of
 * {@link #BLOCK} runs at a time, each run's params arrive as one JSON object (exact strings),
 * its latest metric values as (run, column, NaN flag, value) rows (a double travels exactly
 * only as a double), and the three tags the CSV shows.
 */
final class CsvRows {
    static final int BLOCK = 2000;
    private static final String SELECTION = "temp.jruns_csv_selection";
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] TAGS = {SystemTags.SOURCE_TYPE, SystemTags.SOURCE_NAME, SystemTags.USER};

    private CsvRows() {
    }

    static long scan(Connection c, SearchPlan request, long limit, CsvTable table) throws SQLException {
        List<Long> runs = selection(c, request, limit);
        Database.exec(c, "CREATE TEMP TABLE IF NOT EXISTS " + SELECTION.substring(5) + " (rid INTEGER PRIMARY KEY)");
        try {
            for (int from = 0; from < runs.size(); from += BLOCK) {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + SELECTION
                        + " SELECT value FROM json_each(?)")) {
                    ps.setString(1, rids(runs.subList(from, Math.min(runs.size(), from + BLOCK))));
                    ps.executeUpdate();
                }
            }
            List<String> paramKeys = keys(c, "params");
            List<String> metricKeys = keys(c, "metric_summaries");
            table.header(paramKeys, metricKeys);
            new Blocks(c, paramKeys, metricKeys, table).write(runs);
            return runs.size();
        } finally {
            Database.exec(c, "DELETE FROM " + SELECTION);
        }
    }

    /** The matching runs' rids in the search's order (their cells are read a block at a time, see Blocks). */
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
     * table found by an index seek past the previous one, kept when a selected run has it.
     */
    private static List<String> keys(Connection c, String table) throws SQLException {
        String sql = "WITH RECURSIVE k(key) AS (SELECT min(key) FROM " + table + " UNION ALL SELECT (SELECT min(key) FROM "
                + table + " WHERE key > k.key) FROM k WHERE k.key IS NOT NULL) SELECT key FROM k WHERE key IS NOT NULL "
                + "AND EXISTS (SELECT 1 FROM " + table + " t WHERE t.key = k.key AND t.rid IN " + SELECTION + ")";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Reads and hands over the rows a block at a time, reusing its arrays. */
    private static final class Blocks {
        private final Map<String, Integer> paramColumn = new HashMap<>();
        private final CsvTable table;
        private final PreparedStatement params;
        private final PreparedStatement metrics;
        private final PreparedStatement fixed;
        private final String[][] p;
        private final double[][] m;
        private final boolean[][] has;
        private final String[][] f;
        private final long codes;

        Blocks(Connection c, List<String> paramKeys, List<String> metricKeys, CsvTable table) throws SQLException {
            this.table = table;
            for (int i = 0; i < paramKeys.size(); i++) paramColumn.put(paramKeys.get(i), i);
            params = c.prepareStatement("SELECT rid, json_group_object(key, value) FROM params "
                    + "WHERE rid IN (SELECT value FROM json_each(?)) GROUP BY rid");
            // Run, metric column and NaN flag in one number: one driver call per value saved.
            codes = 2L * (metricKeys.size() + 1);
            StringBuilder column = new StringBuilder("CASE key WHEN NULL THEN 0"); // a first WHEN with no keys
            for (int i = 0; i < metricKeys.size(); i++) column.append(" WHEN ? THEN ").append(i * 2);
            column.append(" ELSE 0 END");
            metrics = c.prepareStatement("SELECT rid * " + codes + " + " + column + " + latest_is_nan, latest "
                    + "FROM metric_summaries WHERE rid IN (SELECT value FROM json_each(?))");
            for (int i = 0; i < metricKeys.size(); i++) metrics.setString(i + 1, metricKeys.get(i));
            // One row per run in the block's order: its own columns and the three tags (a row per tag cost more).
            StringBuilder tagCells = new StringBuilder();
            for (String ignored : TAGS) tagCells.append(", (SELECT value FROM tags WHERE rid = r.rid AND key = ?)");
            fixed = c.prepareStatement("SELECT r.run_uuid, r.name, r.user_id, r.status" + tagCells
                    + " FROM json_each(?) j CROSS JOIN runs r ON r.rid = j.value ORDER BY j.key");
            for (int i = 0; i < TAGS.length; i++) fixed.setString(1 + i, TAGS[i]);
            p = new String[BLOCK][paramKeys.size()];
            m = new double[BLOCK][metricKeys.size()];
            has = new boolean[BLOCK][metricKeys.size()];
            f = new String[BLOCK][4 + TAGS.length];
        }

        void write(List<Long> runs) throws SQLException {
            try (params; metrics; fixed) {
                String[] cells = new String[6];
                int metricBind = m[0].length + 1;
                for (int from = 0; from < runs.size(); from += BLOCK) {
                    List<Long> block = runs.subList(from, Math.min(runs.size(), from + BLOCK));
                    Map<Long, Integer> row = new HashMap<>(block.size() * 2);
                    for (int i = 0; i < block.size(); i++) {
                        row.put(block.get(i), i);
                        Arrays.fill(p[i], null);
                        Arrays.fill(has[i], false);
                    }
                    String rids = rids(block);
                    readParams(rids, row);
                    readMetrics(rids, block, metricBind);
                    readFixed(rids, block.size());
                    for (int i = 0; i < block.size(); i++) {
                        String[] r = f[i]; // run id, name, user id, status, source type, source name, mlflow.user
                        cells[0] = r[0];
                        cells[1] = r[1];
                        cells[2] = r[4];
                        cells[3] = r[5];
                        cells[4] = r[2] != null ? r[2] : r[6];
                        cells[5] = r[3];
                        table.row(cells, p[i], m[i], has[i]);
                    }
                }
            }
        }

        private void readParams(String rids, Map<Long, Integer> row) throws SQLException {
            params.setString(1, rids);
            try (ResultSet rs = params.executeQuery()) {
                while (rs.next()) {
                    String[] cells = p[row.get(rs.getLong(1))];
                    try (JsonParser json = JSON.createParser(rs.getString(2))) {
                        json.nextToken(); // {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            Integer col = paramColumn.get(json.currentName());
                            json.nextToken();
                            if (col != null) cells[col] = json.getText();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        /** The rows come in rid order (SQLite walks the IN list sorted): a pointer finds each run's row. */
        private void readMetrics(String rids, List<Long> block, int bind) throws SQLException {
            if (m[0].length == 0) return;
            long[] sorted = new long[block.size()];
            for (int i = 0; i < sorted.length; i++) sorted[i] = block.get(i) * block.size() + i;
            Arrays.sort(sorted); // rid-major, block position in the low part
            metrics.setString(bind, rids);
            int at = 0;
            try (ResultSet rs = metrics.executeQuery()) {
                while (rs.next()) {
                    long v = rs.getLong(1);
                    long rid = v / codes;
                    int code = (int) (v % codes);
                    while (sorted[at] / block.size() != rid) at++;
                    int i = (int) (sorted[at] % block.size());
                    m[i][code >> 1] = (code & 1) == 1 ? Double.NaN : rs.getDouble(2);
                    has[i][code >> 1] = true;
                }
            }
        }

        /** The block's runs in order (json_each walks the array in order; a run deleted since cannot vanish: one snapshot). */
        private void readFixed(String rids, int n) throws SQLException {
            fixed.setString(1 + TAGS.length, rids);
            int i = 0;
            try (ResultSet rs = fixed.executeQuery()) {
                while (rs.next()) {
                    String[] r = f[i++];
                    for (int k = 0; k < r.length; k++) r[k] = rs.getString(k + 1);
                }
            }
            if (i != n) throw new SQLException("CSV: " + n + " runs selected, " + i + " read");
        }
    }
}
