package io.jruns.model;

import io.jruns.domain.JrunsException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A one-row table from values in signature order: what a per-row caller (a Spark UDF) hands a model. */
final class RowTable {
    private RowTable() {
    }

    static Table of(List<ColumnSpec> inputs, Object[] values) {
        if (inputs.isEmpty()) throw JrunsException.invalid("the model has no input signature: predict on a Table instead");
        if (values.length != inputs.size()) {
            throw JrunsException.invalid("got " + values.length + " values for the model's " + inputs.size() + " inputs " + inputs);
        }
        List<Column<?>> cols = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Column<?> c = ColumnTypes.empty(inputs.get(i));
            append(c, values[i], inputs.get(i));
            cols.add(c);
        }
        return Table.create("row", cols);
    }

    private static void append(Column<?> c, Object v, ColumnSpec spec) {
        if (v == null) {
            c.appendMissing();
            return;
        }
        try {
            if (c instanceof DoubleColumn d) d.append(((Number) v).doubleValue());
            else if (c instanceof FloatColumn f) f.append(((Number) v).floatValue());
            else if (c instanceof IntColumn i) i.append(((Number) v).intValue());
            else if (c instanceof LongColumn l) l.append(((Number) v).longValue());
            else if (c instanceof BooleanColumn b) b.append((Boolean) v);
            else if (c instanceof DateTimeColumn t) t.append(dateTime(v));
            else ((StringColumn) c).append(String.valueOf(v));
        } catch (ClassCastException e) {
            throw JrunsException.invalid("value for '" + spec.name() + "' is a " + v.getClass().getSimpleName()
                    + " but the model expects " + spec.type());
        }
    }

    private static LocalDateTime dateTime(Object v) {
        if (v instanceof LocalDateTime t) return t;
        if (v instanceof java.sql.Timestamp ts) return ts.toLocalDateTime();
        if (v instanceof java.time.LocalDate d) return d.atStartOfDay();
        return InputExample.dateTime(String.valueOf(v));
    }
}
