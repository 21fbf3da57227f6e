package io.jruns.bench.b5;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.views.html.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.TreeSet;

/** The baselines: the plainest way to put the same runs on screen. */
final class NaiveTables {
    static final List<String> PARAMS = List.of("param_0", "param_1", "param_2", "param_3");
    static final List<String> METRICS = List.of("metric_0", "metric_1", "metric_2", "metric_3");

    private NaiveTables() {
    }

    /** One escaped HTML row per run with the same kind of columns as the runs table, no tree, no formatting. */
    static String runsPage(List<Run> page) {
        StringBuilder h = new StringBuilder("<table><tr><th>start</th><th>name</th><th>status</th><th>user</th>");
        for (String p : PARAMS) h.append("<th>").append(p).append("</th>");
        for (String m : METRICS) h.append("<th>").append(m).append("</th>");
        h.append("</tr>");
        for (Run r : page) {
            h.append("<tr><td>").append(r.info().startTime()).append("</td><td>");
            Html.append(h, r.info().runName()).append("</td><td>").append(r.info().status()).append("</td><td>");
            Html.append(h, r.info().userId()).append("</td>");
            for (String p : PARAMS) Html.append(h.append("<td>"), r.data().params().get(p)).append("</td>");
            for (String m : METRICS) h.append("<td>").append(r.data().metrics().get(m).latest()).append("</td>");
            h.append("</tr>");
        }
        return h.append("</table>").toString();
    }

    /** The runs as a tablesaw Table with the same columns. */
    static Table tablesaw(List<Run> runs) {
        StringColumn name = StringColumn.create("run_name");
        StringColumn status = StringColumn.create("status");
        StringColumn user = StringColumn.create("user");
        Table t = Table.create("runs", name, status, user);
        for (String p : PARAMS) t.addColumns(StringColumn.create("params." + p));
        for (String m : METRICS) t.addColumns(DoubleColumn.create("metrics." + m));
        for (Run r : runs) {
            name.append(r.info().runName());
            status.append(r.info().status().name());
            user.append(r.info().userId());
            for (String p : PARAMS) t.stringColumn("params." + p).append(r.data().params().get(p));
            for (String m : METRICS) t.doubleColumn("metrics." + m).append(r.data().metrics().get(m).latest());
        }
        return t;
    }

    /** Params and metrics of the runs, one row per key, one column per run, escaped, nothing else. */
    static String compare(List<Run> runs) {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        for (Run r : runs) {
            params.addAll(r.data().params().keySet());
            metrics.addAll(r.data().metrics().keySet());
        }
        StringBuilder h = new StringBuilder("<table><tr><th></th>");
        for (Run r : runs) Html.append(h.append("<th>"), r.info().runName()).append("</th>");
        h.append("</tr>");
        for (String p : params) {
            Html.append(h.append("<tr><th>"), p).append("</th>");
            for (Run r : runs) Html.append(h.append("<td>"), r.data().params().get(p)).append("</td>");
            h.append("</tr>");
        }
        for (String m : metrics) {
            Html.append(h.append("<tr><th>"), m).append("</th>");
            for (Run r : runs) {
                MetricSummary s = r.data().metrics().get(m);
                h.append("<td>").append(s == null ? "" : String.valueOf(s.latest())).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</table>").toString();
    }
}
