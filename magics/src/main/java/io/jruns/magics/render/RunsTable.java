package io.jruns.magics.render;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;
import io.jruns.magics.host.Output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The Experiment Runs table, newest first: time, name, status, duration, source, user, params, metrics. */
public final class RunsTable {
    static final int MAX_KEY_COLUMNS = 8;

    private RunsTable() {
    }

    public static Output of(String experimentName, List<Run> runs) {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        for (Run r : runs) {
            params.addAll(r.data().params().keySet());
            metrics.addAll(r.data().metrics().keySet());
        }
        List<String> p = new ArrayList<>(params).subList(0, Math.min(MAX_KEY_COLUMNS, params.size()));
        List<String> m = new ArrayList<>(metrics).subList(0, Math.min(MAX_KEY_COLUMNS, metrics.size()));
        List<String> header = new ArrayList<>(List.of("Start time", "Run name", "Status", "Duration", "Source", "User"));
        p.forEach(k -> header.add("params." + k));
        m.forEach(k -> header.add("metrics." + k));
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) rows.add(row(r, p, m));
        String title = "Experiment Runs: " + experimentName + " (" + runs.size() + (runs.size() == 1 ? " run)" : " runs)");
        return new Output(html(title, header, rows, 6), TextTable.render(title, header, rows));
    }

    private static List<String> row(Run r, List<String> params, List<String> metrics) {
        RunInfo i = r.info();
        List<String> row = new ArrayList<>();
        row.add(Format.time(i.startTime()));
        row.add((r.parentRunId().isPresent() ? "  \u21b3 " : "") + i.runName());
        row.add(i.status().name());
        row.add(Format.duration(i.startTime(), i.endTime()));
        String source = r.data().tags().getOrDefault(SystemTags.SOURCE_NAME, "");
        row.add(source.isEmpty() ? "" : Path.of(source).getFileName().toString());
        row.add(i.userId() == null ? "" : i.userId());
        params.forEach(k -> row.add(r.data().params().getOrDefault(k, "")));
        for (String k : metrics) {
            MetricSummary s = r.data().metrics().get(k);
            row.add(s == null ? "" : Format.number(s.latest()));
        }
        return row;
    }

    private static String html(String title, List<String> header, List<List<String>> rows, int textColumns) {
        StringBuilder h = new StringBuilder("<div class=\"jruns-runs\"><div style=\"font-weight:600;margin:4px 0\">")
                .append(Html.escape(title)).append("</div><table><thead><tr>");
        for (String c : header) h.append("<th>").append(Html.escape(c)).append("</th>");
        h.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                h.append(c < textColumns ? "<td style=\"text-align:left\">" : "<td style=\"text-align:right\">")
                        .append(Html.escape(row.get(c))).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }
}
