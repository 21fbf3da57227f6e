package io.jruns.internal.manage;

import io.jruns.domain.Run;
import io.jruns.search.RunFrame;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs as a tablesaw {@link Table}, the way MLflow's search_runs returns a DataFrame:
 * {@code run_id, experiment_id, run_name, status} (text), {@code start_time, end_time}
 * (instants), {@code artifact_uri}, then {@code metrics.*} (doubles, latest values),
 * {@code params.*} and {@code tags.*} (text), each group in sorted key order. Missing values
 * are tablesaw's: an empty string in text columns, missing in time columns, and NaN in metric
 * columns (so a metric that is missing and one whose latest value is NaN look alike there;
 * {@link RunFrame} keeps them apart).
 */
public final class RunTables {
    private RunTables() {
    }

    public static Table of(List<Run> runs) {
        return of(RunFrame.of(runs));
    }

    public static Table of(RunFrame frame) {
        return of(frame, "runs");
    }

    public static Table of(RunFrame frame, String name) {
        List<Column<?>> columns = new ArrayList<>();
        List<List<Object>> rows = frame.rows();
        for (int c = 0; c < frame.columns().size(); c++) {
            String label = frame.columns().get(c);
            final int col = c;
            if (label.equals("start_time") || label.equals("end_time")) {
                InstantColumn times = InstantColumn.create(label);
                for (List<Object> row : rows) {
                    Object v = row.get(col);
                    if (v == null) times.appendMissing();
                    else times.append(Instant.ofEpochMilli((Long) v));
                }
                columns.add(times);
            } else if (label.startsWith("metrics.")) {
                double[] values = new double[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    Object v = rows.get(r).get(col);
                    values[r] = v == null ? Double.NaN : (Double) v;
                }
                columns.add(DoubleColumn.create(label, values));
            } else {
                StringColumn text = StringColumn.create(label);
                for (List<Object> row : rows) {
                    if (row.get(col) == null) text.appendMissing();
                    else text.append(String.valueOf(row.get(col)));
                }
                columns.add(text);
            }
        }
        return Table.create(name, columns);
    }
}
