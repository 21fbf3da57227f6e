package io.jruns.views.html;

import io.jruns.views.Key;
import io.jruns.views.Links;
import io.jruns.views.RunFacts;
import io.jruns.views.Columns;
import io.jruns.internal.views.RunTree;
import io.jruns.views.format.Format;
import io.jruns.views.text.TextTable;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.views.Rendered;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The Experiment Runs table: one row per run in the order given (newest first by default),
 * nested runs under their parent (collapsible, without script), a page of rows at a time
 * with a line saying how many more there are and how to see them.
 */
public final class RunsTable {
    /**
     * What to show. {@code pageCommand} gives the command that shows a given page (for the
     * "more" line); {@code capped} says the search stopped at its limit, so there may be
     * more runs than {@code runs} holds.
     * {@code links}: where start times and sources link (a running jruns ui), or {@link Links#NONE};
     * {@code selectable}: a checkbox per run ({@code name="run"}, the run id as value) for a page's form.
     * {@code total}: -1 when {@code runs} holds every run and the table takes the page from them;
     * else {@code runs} is the page alone (the store paged the search) and {@code total} is how
     * many runs match (with {@code capped}, more than that).
     * {@code parents}: with a page alone, the runs its runs are nested in that are not on it (read
     * by id), each shown above its runs, dimmed, not counted and never selectable.
     * {@code experiments}: the names of the experiments the table spans, by id; with more than
     * one, an Experiment column says (and links to) each run's.
     */
    public record View(String title, String subtitle, List<Run> runs, int page, int pageSize, List<String> columns,
                       long now, IntFunction<String> pageCommand, boolean capped, Links links, boolean selectable, long total,
                       List<Run> parents, Map<String, String> experiments) {
        public View(String title, String subtitle, List<Run> runs, int page, int pageSize, List<String> columns,
                    long now, IntFunction<String> pageCommand, boolean capped, Links links, boolean selectable, long total) {
            this(title, subtitle, runs, page, pageSize, columns, now, pageCommand, capped, links, selectable, total, List.of(), Map.of());
        }

        public View(String title, String subtitle, List<Run> runs, int page, int pageSize, List<String> columns,
                    long now, IntFunction<String> pageCommand, boolean capped, Links links, boolean selectable) {
            this(title, subtitle, runs, page, pageSize, columns, now, pageCommand, capped, links, selectable, -1);
        }

        public View(String title, String subtitle, List<Run> runs, int page, int pageSize, List<String> columns,
                    long now, IntFunction<String> pageCommand, boolean capped) {
            this(title, subtitle, runs, page, pageSize, columns, now, pageCommand, capped, Links.NONE, false, -1);
        }

        public View withParents(List<Run> parents) {
            return new View(title, subtitle, runs, page, pageSize, columns, now, pageCommand, capped, links, selectable, total,
                    parents, experiments);
        }

        public View withExperiments(Map<String, String> experiments) {
            return new View(title, subtitle, runs, page, pageSize, columns, now, pageCommand, capped, links, selectable, total,
                    parents, experiments);
        }
    }

    /** A {@code pageCommand} saying the caller shows its own pager (the UI's): the table shows no footer. */
    public static final IntFunction<String> OWN_PAGER = p -> null;

    static final String[] FIXED = {"Start time", "Run name", "Status", "Duration", "Source", "User"};
    /** Text cells are cut here, as the HTML cells are by the stylesheet. */
    static final int CELL_WIDTH = 60;

    private RunsTable() {
    }

    public static Rendered render(View v) {
        boolean paged = v.total() >= 0; // the rows are the page already
        // a page alone has its parents from other pages among its rows; the whole result repeats a family's start above the page
        List<RunTree.Row> all = paged ? RunTree.rows(v.runs(), v.parents()) : RunTree.rows(v.runs());
        Set<String> parents = new HashSet<>();
        if (paged) for (Run p : v.parents()) parents.add(p.runId());
        int from = paged ? 0 : (int) Math.min(all.size(), (long) (v.page() - 1) * v.pageSize());
        int to = paged ? all.size() : Math.min(all.size(), from + v.pageSize());
        List<RunTree.Row> page = all.subList(from, to);
        List<RunTree.Row> context = paged ? List.of() : ancestors(all, from);
        long first = paged ? (long) (v.page() - 1) * v.pageSize() : from;
        List<Run> shown = new ArrayList<>(page.size());
        for (RunTree.Row r : page) if (!parents.contains(r.run().runId())) shown.add(r.run());
        List<Key> keys = Columns.choose(shown, v.runs(), v.columns());
        boolean models = shown.stream().anyMatch(RunFacts::hasModel);
        RunsRows rows = new RunsRows(keys, models, v.now(), v.links(), v.selectable(), v.experiments().size() > 1 ? v.experiments() : null);
        StringBuilder h = new StringBuilder(4096 + page.size() * 700).append("<div class=\"jr jr-runs\">").append(Css.STYLE);
        h.append("<div class=\"jr-h\"><span class=\"jr-title\">");
        Html.append(h, v.title()).append("</span><span class=\"jr-dim\">");
        Html.append(h, v.subtitle()).append("</span></div>");
        // a run logged between the count and the page must not make the footer contradict the rows
        long total = !paged ? all.size() : shown.isEmpty() ? v.total() : Math.max(v.total(), first + shown.size());
        String footer = footer(v, total, first, first + shown.size());
        if (page.isEmpty()) {
            if (v.pageCommand() != OWN_PAGER) Html.append(h.append("<div class=\"jr-more\">"), footer).append("</div>");
            h.append("</div>");
            return new Rendered(h.toString(), v.title() + ": " + v.subtitle() + "\n" + footer + "\n");
        }
        h.append("<div class=\"jr-scroll\"><table class=\"jr-t\">");
        rows.header(h);
        int family = -1;
        boolean open = false;
        for (RunTree.Row r : context) {
            if (!open) h.append("<tbody>");
            open = true;
            family = r.family();
            rows.row(h, r, RunsRows.Context.CONTINUED);
        }
        for (RunTree.Row r : page) {
            if (r.family() != family) {
                if (open) h.append("</tbody>");
                h.append("<tbody>");
                open = true;
                family = r.family();
            }
            rows.row(h, r, parents.contains(r.run().runId()) ? RunsRows.Context.PARENT : null);
        }
        if (open) h.append("</tbody>");
        h.append("</table></div>");
        if (v.pageCommand() != OWN_PAGER) Html.append(h.append("<div class=\"jr-more\">"), footer).append("</div>");
        h.append("</div>");
        return new Rendered(h.toString(), text(v, context, page, parents, rows, keys, models, footer));
    }

    static String footer(View v, long total, long from, long to) {
        String of = v.capped() ? "more than " + Format.count(total) : Format.count(total);
        if (total == 0) return v.page() > 1 ? "No runs on page " + v.page() + "." : "No runs match.";
        if (from >= total && v.capped()) {
            // the runs are there: only the first ones were loaded (nested runs are arranged in memory)
            return "Page " + v.page() + " is past the first " + Format.count(total) + " runs, as far as this view pages;"
                    + " narrow them with a filter to reach the rest.";
        }
        if (from >= total) return "Page " + v.page() + " is past the end: " + of + " runs, " + v.pageSize() + " a page.";
        String shown = "Showing runs " + Format.count(from + 1) + "\u2013" + Format.count(to) + " of " + of;
        if (to >= total && !v.capped()) return shown + ".";
        String next = v.pageCommand() == null ? "--page " + (v.page() + 1) : v.pageCommand().apply(v.page() + 1);
        String more = v.capped() ? "; see more with " : "; " + Format.count(total - to) + " more: ";
        String tail = v.capped() ? ", or narrow them with a filter." : ".";
        return shown + more + next + " (up to 1,000 a page with --max N)" + tail;
    }

    /** The rows a page starting inside a family is nested in, outermost first: shown again above it. */
    static List<RunTree.Row> ancestors(List<RunTree.Row> all, int from) {
        if (from <= 0 || from >= all.size() || all.get(from).depth() == 0) return List.of();
        List<RunTree.Row> out = new ArrayList<>();
        int depth = all.get(from).depth();
        for (int i = from - 1; i >= 0 && depth > 0; i--) {
            if (all.get(i).depth() < depth) {
                out.add(0, all.get(i));
                depth = all.get(i).depth();
            }
        }
        return out;
    }

    private static String text(View v, List<RunTree.Row> context, List<RunTree.Row> page, Set<String> parents, RunsRows rows,
                               List<Key> keys, boolean models, String footer) {
        TextTable t = new TextTable();
        for (String f : rows.fixed()) t.column(f, f.equals("Duration"));
        if (models) t.column("Model");
        for (Key k : keys) t.column(k.qualified(), k.kind() == Key.Kind.METRIC);
        for (RunTree.Row r : context) {
            t.row(rows.textRow(r, RunsRows.Context.CONTINUED).stream().map(c -> TextTable.cell(c, CELL_WIDTH)).toList());
        }
        for (RunTree.Row r : page) {
            RunsRows.Context c = parents.contains(r.run().runId()) ? RunsRows.Context.PARENT : null;
            t.row(rows.textRow(r, c).stream().map(x -> TextTable.cell(x, CELL_WIDTH)).toList());
        }
        return v.title() + ": " + v.subtitle() + "\n" + t.render() + footer + "\n";
    }

    static boolean deleted(RunInfo i) {
        return i.lifecycleStage() == LifecycleStage.DELETED;
    }
}
