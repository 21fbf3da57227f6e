package io.jruns.model;

import io.jruns.domain.JrunsException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A predictor's answer as a table: a column becomes a one-column table; the row count must match. */
final class Predictions {
    private Predictions() {
    }

    static Table asTable(Object out, int rows, String modelName) {
        Table t;
        if (out instanceof Table table) {
            t = table;
        } else if (out instanceof Column<?> c) {
            t = Table.create("predictions", c);
        } else {
            throw JrunsException.invalid(modelName + ".predict returned " + (out == null ? "null" : "a " + out.getClass().getName())
                    + "; a Predictor returns a tablesaw Table or Column");
        }
        if (t.rowCount() != rows) {
            throw JrunsException.invalid(modelName + ".predict returned " + t.rowCount() + " rows for " + rows + " input rows");
        }
        return t;
    }
}
