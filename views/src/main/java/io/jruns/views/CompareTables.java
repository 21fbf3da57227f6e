package io.jruns.views;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;
import io.jruns.views.format.Format;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The comparison tables: one column per run (headed by its label), one row per detail,
 * param or metric key. Missing values are tablesaw's missing values (for metrics NaN,
 * which a logged NaN also shows as).
 */
final class CompareTables {
    static final String FIELD = "field";
    static final String PARAM = "param";
    static final String METRIC = "metric";
    static final List<String> DETAILS = List.of("Run ID", "Run name", "Experiment", "Status", "Lifecycle", "Start time",
            "End time", "Duration", "Source", "Source type", "Revision", "Git commit", "User", "Parent run", "Models");

    private CompareTables() {
    }

    static Table details(List<Run> runs, List<String> labels, Function<String, String> experimentNames, long now) {
        Table t = Table.create("Run details").addColumns(StringColumn.create(FIELD, DETAILS));
        for (int c = 0; c < runs.size(); c++) {
            Run r = runs.get(c);
            RunInfo i = r.info();
            List<String> v = new ArrayList<>(List.of(i.runId(), nz(i.runName()), nz(experimentNames.apply(i.experimentId())),
                    i.status().name(), i.lifecycleStage().wire(), Format.time(i.startTime()), Format.time(i.endTime()),
                    Format.duration(i.startTime(), i.endTime(), now)));
            v.add(RunFacts.sourceName(r));
            v.add(nz(RunFacts.tag(r, SystemTags.SOURCE_TYPE)));
            v.add(nz(RunFacts.tag(r, SystemTags.NOTEBOOK_REVISION)));
            v.add(nz(RunFacts.tag(r, SystemTags.GIT_COMMIT)));
            v.add(RunFacts.user(r));
            v.add(r.parentRunId().orElse(""));
            v.add(String.join(", ", RunFacts.hasModel(r) ? RunFacts.modelPaths(r) : List.of()));
            t.addColumns(StringColumn.create(labels.get(c), v));
        }
        return t;
    }

    static Table params(List<Run> runs, List<String> labels, List<String> keys) {
        Table t = Table.create("Parameters").addColumns(StringColumn.create(PARAM, keys));
        for (int c = 0; c < runs.size(); c++) {
            StringColumn col = StringColumn.create(labels.get(c));
            for (String k : keys) {
                String v = runs.get(c).data().params().get(k);
                if (v == null) col.appendMissing();
                else col.append(v);
            }
            t.addColumns(col);
        }
        return t;
    }

    static Table metrics(List<Run> runs, List<String> labels, List<String> keys) {
        Table t = Table.create("Metrics").addColumns(StringColumn.create(METRIC, keys));
        for (int c = 0; c < runs.size(); c++) {
            DoubleColumn col = DoubleColumn.create(labels.get(c));
            for (String k : keys) {
                MetricSummary s = runs.get(c).data().metrics().get(k);
                if (s == null) col.appendMissing();
                else col.append(s.latest());
            }
            t.addColumns(col);
        }
        return t;
    }

    /** Whether the key has different values (a missing value counts as one) across the runs. */
    static boolean differs(List<Run> runs, Key key) {
        if (runs.isEmpty()) return false;
        Object first = key.value(runs.get(0));
        for (Run r : runs) {
            Object v = key.value(r);
            if (first instanceof Double a && v instanceof Double b ? Double.compare(a, b) != 0 : !Objects.equals(first, v)) {
                return true;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
