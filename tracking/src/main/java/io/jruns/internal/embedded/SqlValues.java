package io.jruns.internal.embedded;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Doubles in SQLite: NaN is stored as NULL (SQLite would do so anyway) and read back as NaN. */
final class SqlValues {
    private SqlValues() {
    }

    static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) ps.setNull(index, Types.REAL);
        else ps.setDouble(index, v);
    }

    static double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }

    static Long getLongOrNull(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
