package io.jruns.model;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** Between tablesaw's column types and MLflow's signature data types. */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /** The MLflow data type of a tablesaw column. */
    public static String of(Column<?> column) {
        // by class: tablesaw's ColumnType constants are not always the instances columns report
        if (column instanceof DoubleColumn) return "double";
        if (column instanceof FloatColumn) return "float";
        if (column instanceof IntColumn || column instanceof ShortColumn) return "integer";
        if (column instanceof LongColumn) return "long";
        if (column instanceof BooleanColumn) return "boolean";
        if (column instanceof DateTimeColumn || column instanceof DateColumn || column instanceof InstantColumn) return "datetime";
        return "string";
    }

    /** The tablesaw type that holds an MLflow data type. */
    public static ColumnType tablesaw(String type) {
        return switch (type) {
            case "double" -> ColumnType.DOUBLE;
            case "float" -> ColumnType.FLOAT;
            case "integer" -> ColumnType.INTEGER;
            case "long" -> ColumnType.LONG;
            case "boolean" -> ColumnType.BOOLEAN;
            case "datetime" -> ColumnType.LOCAL_DATE_TIME;
            default -> ColumnType.STRING;
        };
    }

    /** An empty tablesaw column for a signature column. */
    public static Column<?> empty(ColumnSpec spec) {
        return switch (spec.type()) {
            case "double" -> DoubleColumn.create(spec.name());
            case "float" -> FloatColumn.create(spec.name());
            case "integer" -> IntColumn.create(spec.name());
            case "long" -> LongColumn.create(spec.name());
            case "boolean" -> BooleanColumn.create(spec.name());
            case "datetime" -> DateTimeColumn.create(spec.name());
            default -> StringColumn.create(spec.name());
        };
    }
}
