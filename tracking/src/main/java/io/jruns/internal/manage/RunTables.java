package io.jruns.internal.manage;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs as a tablesaw {@link Table}, the way MLflow's search_runs returns a DataFrame:
 * {@code run_id, experiment_id, run_name, status} (text), {@code start_time, end_time}
 * (instants), {@code artifact_uri}, then {@code metrics.*} (doubles, latest values),
 * {@code params.*} and {@code tags.*} (text), each group in sorted key order. Missing values
 * are tablesaw's: an empty string in text columns, missing in time columns, and NaN in metric
 * columns (so a metric that is missing and one whose latest value is NaN look alike there;
 * {@link io.jruns.search.RunFrame} keeps them apart).
 *
 * <p>Runs are added one at a time, straight into the columns: a search of 100,000 runs never
 * holds them all as runs (kilobytes of maps each), only as the table's cells.
 */
public final class RunTables implements Consumer<Run> {
    private final StringColumn runId = StringColumn.create("run_id");
    private final StringColumn experimentId = StringColumn.create("experiment_id");
    private final StringColumn runName = StringColumn.create("run_name");
    private final StringColumn status = StringColumn.create("status");
    private final InstantColumn start = InstantColumn.create("start_time");
    private final InstantColumn end = InstantColumn.create("end_time");
    private final StringColumn artifactUri = StringColumn.create("artifact_uri");
    private final Map<String, DoubleColumn> metrics = new TreeMap<>();
    private final Map<String, StringColumn> params = new TreeMap<>();
    private final Map<String, StringColumn> tags = new TreeMap<>();
    private int rows;

    public static Table of(List<Run> runs) {
        RunTables t = new RunTables();
        runs.forEach(t);
        return t.table("runs");
    }

    @Override
    public void accept(Run run) {
        RunInfo i = run.info();
        text(runId, i.runId());
        text(experimentId, i.experimentId());
        text(runName, i.runName());
        text(status, i.status() == null ? null : i.status().name());
        time(start, i.startTime());
        time(end, i.endTime());
        text(artifactUri, i.artifactUri());
        Map<String, MetricSummary> ms = run.data().metrics();
        for (String k : ms.keySet()) metrics.computeIfAbsent(k, key -> padded(DoubleColumn.create("metrics." + key)));
        metrics.forEach((k, c) -> {
            MetricSummary s = ms.get(k);
            if (s == null) c.appendMissing();
            else c.append(s.latest());
        });
        values(params, run.data().params(), "params.");
        values(tags, run.data().tags(), "tags.");
        rows++;
    }

    /** The table of the runs added so far; the builder must not be used after. */
    public Table table(String name) {
        List<Column<?>> columns = new ArrayList<>(List.of(runId, experimentId, runName, status, start, end, artifactUri));
        columns.addAll(metrics.values());
        columns.addAll(params.values());
        columns.addAll(tags.values());
        return Table.create(name, columns);
    }

    private void values(Map<String, StringColumn> columns, Map<String, String> values, String prefix) {
        for (String k : values.keySet()) columns.computeIfAbsent(k, key -> padded(StringColumn.create(prefix + key)));
        columns.forEach((k, c) -> text(c, values.get(k)));
    }

    /** A column for a key first seen now: missing in every earlier row. */
    private <C extends Column<?>> C padded(C column) {
        for (int r = 0; r < rows; r++) column.appendMissing();
        return column;
    }

    private static void text(StringColumn c, String v) {
        if (v == null) c.appendMissing();
        else c.append(v);
    }

    private static void time(InstantColumn c, Long millis) {
        if (millis == null) c.appendMissing();
        else c.append(Instant.ofEpochMilli(millis));
    }
}
