package io.jruns.views.html;

import io.jruns.views.Key;
import io.jruns.views.Links;
import io.jruns.views.RunComparison;
import io.jruns.views.RunFacts;
import io.jruns.views.format.Format;
import io.jruns.views.text.TextTable;
import io.jruns.domain.Run;
import io.jruns.views.Rendered;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs side by side: a details table, then params and metrics (one row per key, one column
 * per run, rows that differ marked; {@code diffOnly} drops the rest), then the plots.
 */
public final class CompareView {
    /** A plot to show under the tables: its heading, its SVG, and one line for text consoles. */
    public record Plot(String title, String svg, String text) {
    }

    /** Which parts to show: the tables (or only the plots), and in them only rows that differ. */
    public record Show(boolean tables, boolean diffOnly) {
    }

    /**
     * The heading's subtitle, a note (may be null), the time "now" is, the names of runs
     * outside the comparison that it mentions (parents), by id, and where start times and
     * sources link (a running jruns ui), or {@link Links#NONE}.
     */
    public record Context(String subtitle, String note, long now, Map<String, String> runNames, Links links) {
        public Context(String subtitle, String note, long now, Map<String, String> runNames) {
            this(subtitle, note, now, runNames, Links.NONE);
        }
    }

    private CompareView() {
    }

    public static Rendered render(RunComparison c, Show show, List<Plot> plots, Context ctx) {
        String subtitle = ctx.subtitle();
        String note = ctx.note();
        List<Run> runs = c.runs();
        List<String> labels = c.labels();
        StringBuilder h = new StringBuilder(16384 + runs.size() * 1500).append("<div class=\"jr jr-compare\">").append(Css.STYLE);
        h.append("<div class=\"jr-h\"><span class=\"jr-title\">Comparing ").append(runs.size())
                .append(runs.size() == 1 ? " run" : " runs").append("</span><span class=\"jr-dim\">");
        Html.append(h, subtitle).append("</span></div>");
        if (note != null) Html.append(h.append("<div class=\"jr-more\">"), note).append("</div>");
        StringBuilder text = new StringBuilder("Comparing ").append(Format.count(runs.size(), "run")).append(": ").append(subtitle).append('\n');
        if (note != null) text.append(note).append('\n');
        if (show.tables()) {
            h.append("<div class=\"jr-sec\">Run details</div><div class=\"jr-scroll\"><table class=\"jr-t\">");
            header(h, "", labels);
            h.append("<tbody>");
            details(h, c, ctx);
            h.append("</tbody></table></div>");
            boolean diffOnly = show.diffOnly();
            section(h, text, c, c.params(diffOnly), Key.Kind.PARAM, "Parameters", c.keys(Key.Kind.PARAM, false).size(), diffOnly);
            section(h, text, c, c.metrics(diffOnly), Key.Kind.METRIC, "Metrics", c.keys(Key.Kind.METRIC, false).size(), diffOnly);
        }
        for (Plot p : plots) {
            h.append("<div class=\"jr-sec\">");
            Html.append(h, p.title()).append("</div><div class=\"jr-plot\">").append(p.svg()).append("</div>");
            text.append('\n').append(p.text()).append('\n');
        }
        return new Rendered(h.append("</div>").toString(), text.toString());
    }

    private static void header(StringBuilder h, String first, List<String> labels) {
        h.append("<thead><tr><th>").append(first).append("</th>");
        for (String l : labels) {
            h.append("<th class=\"jr-n\" title=\"");
            Html.append(h, l).append("\">");
            Html.append(h, l).append("</th>");
        }
        h.append("</tr></thead>");
    }

    private static void details(StringBuilder h, RunComparison c, Context ctx) {
        List<Run> runs = c.runs();
        long now = ctx.now();
        detailRow(h, "Run ID", runs, r -> "<span class=\"jr-sha\" title=\"" + Html.escape(r.runId()) + "\">"
                + Html.escape(r.runId().substring(0, Math.min(8, r.runId().length()))) + "</span>");
        if (runs.stream().map(r -> r.info().experimentId()).distinct().count() > 1) {
            detailRow(h, "Experiment", runs, r -> Html.escape(c.experimentName(r.info().experimentId())));
        }
        detailRow(h, "Status", runs, r -> Status.html(r.info().status()));
        detailRow(h, "Start time", runs, r -> linked(ctx.links().run(r.runId()).orElse(null), "<span title=\""
                + Format.zoned(r.info().startTime()) + "\">" + Format.relative(r.info().startTime(), now) + "</span>"));
        detailRow(h, "Duration", runs, r -> Format.duration(r.info().startTime(), r.info().endTime(), now));
        detailRow(h, "Source", runs, r -> linked(RunFacts.notebookCopyUri(r).isPresent() ? ctx.links().notebook(r.runId()).orElse(null) : null,
                Html.escape(RunFacts.sourceName(r))) + " <span class=\"jr-sha\">" + Html.escape(RunFacts.shortRevision(r)) + "</span>");
        detailRow(h, "User", runs, r -> Html.escape(RunFacts.user(r)));
        if (runs.stream().anyMatch(r -> r.parentRunId().isPresent())) {
            detailRow(h, "Parent run", runs, r -> r.parentRunId().map(p -> parentName(runs, c, p, ctx.runNames())).orElse(""));
        }
        if (runs.stream().anyMatch(RunFacts::hasModel)) {
            detailRow(h, "Models", runs, r -> Html.escape(String.join(", ", RunFacts.hasModel(r) ? RunFacts.modelPaths(r) : List.of())));
        }
    }

    /** {@code html} as a link to {@code href}, or as it is when there is nowhere to link. */
    private static String linked(String href, String html) {
        return href == null ? html : "<a href=\"" + Html.escape(href) + "\">" + html + "</a>";
    }

    private static String parentName(List<Run> runs, RunComparison c, String parentId, Map<String, String> names) {
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).runId().equals(parentId)) return Html.escape(c.labels().get(i));
        if (names.containsKey(parentId)) return "<span title=\"run " + Html.escape(parentId) + "\">" + Html.escape(names.get(parentId)) + "</span>";
        return "<span class=\"jr-sha\">" + Html.escape(parentId.substring(0, Math.min(8, parentId.length()))) + "</span>";
    }

    private interface Cell {
        String html(Run r);
    }

    private static void detailRow(StringBuilder h, String name, List<Run> runs, Cell cell) {
        h.append("<tr><th class=\"jr-k\">").append(name).append("</th>");
        for (Run r : runs) h.append("<td class=\"jr-n\">").append(cell.html(r)).append("</td>");
        h.append("</tr>");
    }

    private static void section(StringBuilder h, StringBuilder text, RunComparison c, Table t, Key.Kind kind, String title,
                                int total, boolean diffOnly) {
        int differ = c.keys(kind, true).size();
        h.append("<div class=\"jr-sec\">").append(title).append(" <span class=\"jr-dim\">");
        h.append(total == 0 ? "none" : differ + " of " + total + " differ" + (diffOnly ? " (only those shown)" : ""));
        h.append("</span></div>");
        text.append('\n').append(title).append(total == 0 ? ": none" : ": " + differ + " of " + total + " differ").append('\n');
        if (t.rowCount() == 0) return;
        List<String> labels = c.labels();
        h.append("<div class=\"jr-scroll\"><table class=\"jr-t\">");
        header(h, kind == Key.Kind.PARAM ? "Param" : "Metric", labels);
        h.append("<tbody>");
        TextTable textTable = new TextTable().column(kind == Key.Kind.PARAM ? "param" : "metric");
        for (String l : labels) textTable.column(TextTable.cell(l, RunsTable.CELL_WIDTH), kind == Key.Kind.METRIC);
        for (int row = 0; row < t.rowCount(); row++) {
            String key = t.stringColumn(0).get(row);
            Key k = new Key(kind, key);
            boolean differs = c.differs(k);
            h.append("<tr class=\"").append(differs ? "jr-diff" : "jr-same").append("\"><th class=\"jr-k\" title=\"");
            Html.append(h, key).append("\">");
            Html.append(h, key).append("</th>");
            List<String> cells = new ArrayList<>(List.of(TextTable.cell(key, RunsTable.CELL_WIDTH)));
            for (int col = 1; col < t.columnCount(); col++) {
                String v = RunsRows.text(k.value(c.runs().get(col - 1))); // the run's own value: a logged NaN shows
                cells.add(TextTable.cell(v, RunsTable.CELL_WIDTH));
                h.append("<td class=\"jr-n\"");
                if (v.length() > 24) Html.append(h.append(" title=\""), v).append('"');
                Html.append(h.append('>'), v).append("</td>");
            }
            h.append("</tr>");
            textTable.row(cells);
        }
        h.append("</tbody></table></div>");
        text.append(textTable.render());
    }

}
