package io.jruns.internal.embedded;

import io.jruns.domain.SystemTags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The cells of a CSV row other than metric values, a block of runs at a time: the whole block
 * as one JSON array built in SQL (see {@link CsvCellsJson}), so a block costs a few driver
 * calls instead of one per cell and run; sqlite-jdbc costs far more per call than SQLite per
 * cell.
 * The user cell is the run's user id, else its mlflow.user tag, as {@code CsvTable.fixedCells}.
 */
final class CsvRunCells implements AutoCloseable {
    private static final String TAG = "(SELECT value FROM tags WHERE rid = r.rid AND key = ?)";

    private final PreparedStatement query;
    private final CsvCellsJson json;

    CsvRunCells(Connection c, List<String> paramKeys) throws SQLException {
        json = new CsvCellsJson(paramKeys);
        // Each run's position leads its array: the aggregate may see the runs in any order.
        query = c.prepareStatement("SELECT json_group_array(json_array(j.key, r.run_uuid, r.name, " + TAG + ", " + TAG
                + ", coalesce(r.user_id, " + TAG + "), r.status, "
                + "(SELECT json_group_object(key, value) FROM params p WHERE p.rid = r.rid))) "
                + "FROM json_each(?) j CROSS JOIN runs r ON r.rid = j.value");
        query.setString(1, SystemTags.SOURCE_TYPE);
        query.setString(2, SystemTags.SOURCE_NAME);
        query.setString(3, SystemTags.USER);
    }

    /**
     * Fills {@code fixed[i]} (Run ID, Name, Source Type, Source Name, User, Status) and
     * {@code params[i]} for the {@code n} runs of {@code rids} (a JSON array of rids).
     */
    void read(String rids, int n, String[][] fixed, String[][] params) throws SQLException {
        query.setString(4, rids);
        int read;
        try (ResultSet rs = query.executeQuery()) {
            rs.next(); // an aggregate: always one row
            read = json.read(rs.getBytes(1), fixed, params); // UTF-8 as SQLite made it
        }
        // One snapshot: a run selected cannot have gone since.
        if (read != n) throw new SQLException("CSV: " + n + " runs selected, " + read + " read");
    }

    @Override
    public void close() throws SQLException {
        query.close();
    }
}
