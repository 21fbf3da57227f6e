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
            if (c instanceof DoubleColumn d) d.append(exactly(v, spec, ((Number) v).doubleValue()));
            else if (c instanceof FloatColumn f) f.append((float) exactly(v, spec, ((Number) v).floatValue()));
            else if (c instanceof IntColumn i) i.append((int) whole((Number) v, spec, Integer.MIN_VALUE, Integer.MAX_VALUE));
            else if (c instanceof LongColumn l) l.append(whole((Number) v, spec, Long.MIN_VALUE, Long.MAX_VALUE));
            else if (c instanceof BooleanColumn b) b.append((Boolean) v);
            else if (c instanceof DateTimeColumn t) t.append(dateTime(v));
            else ((StringColumn) c).append(v instanceof CharSequence s ? s.toString() : (String) v); // 7 is not "7", as in MLflow
        } catch (ClassCastException e) {
            throw JrunsException.invalid("value for '" + spec.name() + "' is a " + v.getClass().getSimpleName()
                    + " but the model expects " + spec.type());
        }
    }

    /** The value as the model's type holds it, when that is the same number; else an error naming the input. */
    private static double exactly(Object v, ColumnSpec spec, double as) {
        Number n = (Number) v;
        boolean same = n instanceof Long || n instanceof java.math.BigInteger || n instanceof java.math.BigDecimal
                ? new java.math.BigDecimal(n.toString()).compareTo(new java.math.BigDecimal(as)) == 0
                : Double.compare(n.doubleValue(), as) == 0 || Double.isNaN(as);
        if (!same) throw lost(v, spec);
        return as;
    }

    /** A whole number in range, never cut: 1.5 or 10,000,000,000 for an integer input is an error. */
    private static long whole(Number n, ColumnSpec spec, long min, long max) {
        java.math.BigDecimal d = n instanceof Double || n instanceof Float
                ? (Double.isFinite(n.doubleValue()) ? new java.math.BigDecimal(n.doubleValue()) : null)
                : new java.math.BigDecimal(n.toString());
        if (d == null || d.stripTrailingZeros().scale() > 0 || d.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw lost(n, spec);
        }
        return d.longValueExact();
    }

    private static JrunsException lost(Object v, ColumnSpec spec) {
        return JrunsException.invalid("value for '" + spec.name() + "' is " + v + ", which the model's " + spec.type()
                + " input cannot hold exactly");
    }

    private static LocalDateTime dateTime(Object v) {
        if (v instanceof LocalDateTime t) return t;
        if (v instanceof java.sql.Timestamp ts) return ts.toLocalDateTime();
        if (v instanceof java.time.LocalDate d) return d.atStartOfDay();
        return InputExample.dateTime(String.valueOf(v));
    }
}
