package io.jruns.search;

import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Search results as a table, the shape MLflow's search_runs DataFrame has: columns
 * run_id, experiment_id, run_name, status, start_time, end_time, artifact_uri, then
 * metrics.* (latest values), params.* and tags.*, each group in sorted key order. Cells
 * are String, Long or Double (NaN kept); null where a run lacks the value. Front ends turn
 * this into a tablesaw Table or CSV without knowing about runs.
 */
public record RunFrame(List<String> columns, List<List<Object>> rows) {
    public static final List<String> INFO_COLUMNS = List.of("run_id", "experiment_id", "run_name", "status",
            "start_time", "end_time", "artifact_uri");

    public RunFrame {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    public static RunFrame of(List<Run> runs) {
        TreeSet<String> metrics = keys(runs, r -> r.data().metrics());
        TreeSet<String> params = keys(runs, r -> r.data().params());
        TreeSet<String> tags = keys(runs, r -> r.data().tags());
        List<String> columns = new ArrayList<>(INFO_COLUMNS);
        metrics.forEach(k -> columns.add("metrics." + k));
        params.forEach(k -> columns.add("params." + k));
        tags.forEach(k -> columns.add("tags." + k));
        List<List<Object>> rows = new ArrayList<>();
        for (Run run : runs) {
            RunInfo i = run.info();
            List<Object> row = new ArrayList<>(List.of(i.runId(), i.experimentId()));
            row.add(i.runName());
            row.add(i.status() == null ? null : i.status().name());
            row.add(i.startTime());
            row.add(i.endTime());
            row.add(i.artifactUri());
            metrics.forEach(k -> row.add(run.metric(k).orElse(null)));
            params.forEach(k -> row.add(run.data().params().get(k)));
            tags.forEach(k -> row.add(run.data().tags().get(k)));
            rows.add(row);
        }
        return new RunFrame(columns, rows);
    }

    /** One column's cells, top to bottom; an unknown name is a clear error. */
    public List<Object> column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw io.jruns.domain.JrunsException.invalid("no column '" + name + "' in this result");
        return rows.stream().map(r -> r.get(i)).toList();
    }

    private static TreeSet<String> keys(List<Run> runs, Function<Run, Map<String, ?>> map) {
        TreeSet<String> out = new TreeSet<>();
        for (Run r : runs) out.addAll(map.apply(r).keySet());
        return out;
    }
}
