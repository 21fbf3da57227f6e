package io.jruns.model;

import io.jruns.domain.JrunsException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes an input table to a model's input signature, as MLflow's schema enforcement
 * ({@code _enforce_schema}) does: the signature's columns in its order (extra columns dropped),
 * numbers widened to the declared type (a CSV read as integers feeds a model of doubles).
 * A missing column, a type MLflow would not convert (a number or boolean for a string) or a
 * blank in an integer or long column is an error naming the column.
 */
final class InputConformer {
    private InputConformer() {
    }

    static Table conform(Table input, List<ColumnSpec> inputs) {
        if (inputs.isEmpty()) return input;
        List<Column<?>> out = new ArrayList<>();
        for (ColumnSpec spec : inputs) out.add(convert(named(input, spec, inputs), spec));
        return Table.create(input.name(), out);
    }

    /**
     * The column of exactly the spec's name. Tablesaw finds columns ignoring case; MLflow's
     * schema enforcement does not, so the same input gives the same answer in both.
     */
    private static Column<?> named(Table input, ColumnSpec spec, List<ColumnSpec> inputs) {
        String near = null;
        for (Column<?> c : input.columns()) {
            if (c.name().equals(spec.name())) return c;
            if (near == null && c.name().equalsIgnoreCase(spec.name())) near = c.name();
        }
        throw JrunsException.invalid("the input has no column '" + spec.name() + "'"
                + (near == null ? "" : " (it has '" + near + "': column names are case-sensitive)")
                + "; the model expects " + inputs + " (got " + input.columnNames() + ")");
    }

    private static Column<?> convert(Column<?> c, ColumnSpec spec) {
        String have = ColumnTypes.of(c);
        if ((spec.type().equals("integer") || spec.type().equals("long")) && c instanceof NumericColumn<?>) noBlanks(c, spec);
        if (have.equals(spec.type())) return c;
        if (spec.numeric() && c instanceof NumericColumn<?> n) {
            return switch (spec.type()) {
                case "double" -> lossless(n, spec).asDoubleColumn().setName(spec.name());
                case "float" -> lossless(n, spec).asFloatColumn().setName(spec.name());
                case "long" -> exact(n, spec) ? n.asLongColumn().setName(spec.name()) : fail(c, spec);
                default -> exact(n, spec) ? n.asIntColumn().setName(spec.name()) : fail(c, spec);
            };
        }
        return fail(c, spec); // as MLflow: "Incompatible input types", e.g. an integer column for a string input
    }

    /**
     * A whole-number input cannot be blank: MLflow refuses it too (pandas holds such a column
     * as floats with NaN, which it will not narrow). Blanks in double, float, string, boolean and
     * datetime inputs pass, as NaN or missing, as in MLflow.
     */
    private static void noBlanks(Column<?> c, ColumnSpec spec) {
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                throw JrunsException.invalid("column '" + c.name() + "' row " + (i + 1) + " is blank, but the model's "
                        + spec.type() + " input needs a value (a model that takes blanks is logged with a double column)");
            }
        }
    }

    /** Whether a numeric column holds whole numbers only (so integer and long columns keep every value). */
    private static boolean exact(NumericColumn<?> n, ColumnSpec spec) {
        if (n instanceof IntColumn || (n instanceof LongColumn && spec.type().equals("long"))) return true;
        if (!(n instanceof DoubleColumn || n instanceof FloatColumn || n instanceof LongColumn)) return false;
        for (int i = 0; i < n.size(); i++) {
            if (n.isMissing(i)) continue;
            double v = n.getDouble(i);
            if (v != Math.rint(v)) return false;
            if (spec.type().equals("integer") && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) return false;
        }
        return true;
    }

    /** The column, when each value survives widening to the model's double or float; else an error naming it. */
    private static NumericColumn<?> lossless(NumericColumn<?> n, ColumnSpec spec) {
        boolean toFloat = spec.type().equals("float");
        if (!toFloat && !(n instanceof LongColumn)) return n; // int and float fit a double exactly
        for (int i = 0; i < n.size(); i++) {
            if (n.isMissing(i)) continue;
            boolean kept = n instanceof LongColumn l ? fits(l.getLong(i), toFloat) : n.getDouble(i) == (double) (float) n.getDouble(i);
            if (!kept) {
                throw JrunsException.invalid("column '" + n.name() + "' row " + (i + 1) + " holds " + n.getString(i)
                        + ", which the model's " + spec.type() + " input cannot hold exactly");
            }
        }
        return n;
    }

    private static boolean fits(long v, boolean toFloat) {
        return toFloat ? (long) (float) v == v : (long) (double) v == v;
    }

    private static Column<?> fail(Column<?> c, ColumnSpec spec) {
        throw JrunsException.invalid("column '" + c.name() + "' is " + ColumnTypes.of(c) + " but the model expects "
                + spec.type());
    }
}
