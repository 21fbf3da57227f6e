package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.internal.ui.http.Request;
import io.jruns.views.Key;
import io.jruns.views.RunComparison;
import io.jruns.views.html.CompareView;
import io.jruns.views.html.Html;

import java.util.List;
import java.util.Locale;

/**
 * The compare page's plot as its form chose it: the kind and its keys ({@code params.K} or
 * {@code metrics.K}); a key left empty takes %compare's default. The parallel plot's axes
 * ({@code axes=}, repeated or comma-separated as {@code %compare --axes}) are in order; none is the default.
 */
record PlotChoice(String kind, String x, String y, String z, String color, String metric, List<String> axes, boolean diffOnly) {
    static final List<String> KINDS = List.of("parallel", "scatter", "contour", "history", "none");

    static PlotChoice of(Request r) {
        String kind = r.query("plot").map(String::strip).filter(k -> !k.isEmpty()).orElse("parallel").toLowerCase(Locale.ROOT);
        return new PlotChoice(kind, field(r, "x"), field(r, "y"), field(r, "z"), field(r, "color"), field(r, "metric"),
                RunComparison.axes(r.queryAll("axes")), r.query("diff").isPresent());
    }

    private static String field(Request r, String name) {
        return r.query(name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    List<CompareView.Plot> plots(RunComparison c) {
        if (!KINDS.contains(kind)) {
            throw JrunsException.invalid("plot '" + kind + "' is not one of " + String.join(", ", KINDS)); // said, not replaced
        }
        int n = c.runs().size();
        return switch (kind) {
            case "none" -> List.of();
            case "scatter" -> {
                String kx = or(x, () -> first(c.defaultAxes(), "x"));
                String ky = or(y, () -> metric(c, "y"));
                yield List.of(new CompareView.Plot("Scatter: " + c.key(ky).name() + " by " + c.key(kx).name(), c.scatter(kx, ky, color), ""));
            }
            case "contour" -> {
                List<Key> numeric = c.defaultAxes().stream().filter(c::numeric).toList();
                String kx = or(x, () -> first(numeric, "x"));
                String ky = or(y, () -> numeric.size() > 1 ? numeric.get(1).qualified() : missing("y"));
                String kz = or(z, () -> metric(c, "z"));
                yield List.of(new CompareView.Plot("Contour: " + c.key(kz).name() + " over " + c.key(kx).name() + " and "
                        + c.key(ky).name(), c.contour(kx, ky, kz), ""));
            }
            case "history" -> {
                String m = or(metric, () -> metric(c, "metric"));
                yield List.of(new CompareView.Plot("History: " + c.key(m).name() + " by step", c.history(m), ""));
            }
            default -> {
                if (n < 2) throw JrunsException.invalid("parallel coordinates need two runs or more: choose scatter or history for one run");
                yield List.of(new CompareView.Plot("Parallel coordinates", c.parallel(axes, color), ""));
            }
        };
    }

    /** The GET form: plot kind and key selects (every param and metric of the runs), the runs kept in a hidden field. */
    void form(StringBuilder b, RunComparison c, String runs) {
        b.append("<form class=\"jr-exp-form\" method=\"get\" action=\"/compare\"><input type=\"hidden\" name=\"runs\" value=\"");
        Html.append(b, runs).append("\"><label>Plot <select name=\"plot\">");
        for (String k : KINDS) option(b, k, k, k.equals(kind));
        b.append("</select></label>");
        List<String> params = c.keys(Key.Kind.PARAM, false).stream().map(k -> "params." + k).toList();
        List<String> metrics = c.keys(Key.Kind.METRIC, false).stream().map(k -> "metrics." + k).toList();
        List<String> all = new java.util.ArrayList<>(params);
        all.addAll(metrics);
        select(b, "x", "x", all, x);
        select(b, "y", "y", all, y);
        select(b, "z", "z", metrics, z);
        select(b, "color", "colour", metrics, color);
        select(b, "metric", "history of", metrics, metric);
        axes(b, all);
        b.append("<label><input type=\"checkbox\" name=\"diff\" value=\"1\"").append(diffOnly ? " checked" : "")
                .append("> only rows that differ</label><button type=\"submit\">Show</button></form>");
    }

    /** Checkboxes for the parallel plot's axes: the chosen ones first, in their order (unknown ones kept as typed). */
    private void axes(StringBuilder b, List<String> keys) {
        List<String> shown = new java.util.ArrayList<>(axes);
        for (String k : keys) if (!shown.contains(k)) shown.add(k);
        b.append("<details class=\"jr-cols\"").append(axes.isEmpty() ? "" : " open").append("><summary>Parallel axes")
                .append(axes.isEmpty() ? " (params that vary)" : " (" + axes.size() + " chosen)").append("</summary>");
        for (String k : shown) {
            b.append("<label><input type=\"checkbox\" name=\"axes\" value=\"");
            Html.append(b, k).append('"').append(axes.contains(k) ? " checked" : "").append('>');
            Html.append(b, k).append("</label>");
        }
        b.append("</details>");
    }

    private static void select(StringBuilder b, String name, String label, List<String> keys, String chosen) {
        b.append("<label>");
        Html.append(b, label).append(" <select name=\"").append(name).append("\">");
        option(b, "", "(default)", chosen == null);
        if (chosen != null && !keys.contains(chosen)) option(b, chosen, chosen, true); // kept as typed; the page says why it is not drawn
        for (String k : keys) option(b, k, k, k.equals(chosen));
        b.append("</select></label>");
    }

    private static void option(StringBuilder b, String value, String label, boolean selected) {
        b.append("<option value=\"");
        Html.append(b, value).append('"').append(selected ? " selected" : "").append('>');
        Html.append(b, label).append("</option>");
    }

    private static String or(String given, java.util.function.Supplier<String> dflt) {
        return given != null ? given : dflt.get();
    }

    private static String first(List<Key> keys, String field) {
        return keys.isEmpty() ? missing(field) : keys.get(0).qualified();
    }

    private static String metric(RunComparison c, String field) {
        Key m = c.defaultMetric();
        return m == null ? missing(field) : m.qualified();
    }

    private static String missing(String field) {
        throw JrunsException.invalid("choose " + field + " for this plot: no default fits these runs");
    }
}
