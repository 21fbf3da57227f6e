package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Errors;
import io.jruns.internal.ui.http.Request;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.RunComparison;
import io.jruns.views.html.CompareView;
import io.jruns.views.html.Html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /compare?runs=ID,ID,...}: the runs side by side (details, params, metrics) and one
 * plot, as %compare shows them, with a GET form choosing the plot and its axes from the runs' keys.
 */
public final class ComparePage {
    public static final int MAX_RUNS = 1000;

    private ComparePage() {
    }

    public static void install(Router router, UiContext ctx) {
        router.get("/compare", r -> page(ctx, r));
    }

    static Response page(UiContext ctx, Request r) {
        List<String> ids = ids(r);
        if (ids.isEmpty()) return Errors.of(r, 400, "INVALID_PARAMETER_VALUE", "nothing to compare: give runs=ID,ID,... (tick runs on an experiment's page)");
        if (ids.size() > MAX_RUNS) {
            return Errors.of(r, 400, "INVALID_PARAMETER_VALUE", "at most 1,000 runs can be compared, not " + ids.size());
        }
        ctx.client().flush();
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String id : ids) {
            var run = ctx.client().store().getRun(id);
            if (run.isEmpty()) return Errors.of(r, 404, "RESOURCE_DOES_NOT_EXIST", "no run with id '" + id + "' in this store");
            runs.put(id, run.get());
        }
        RunComparison c = RunComparison.of(new ArrayList<>(runs.values()), ctx.client());
        PlotChoice choice = PlotChoice.of(r);
        StringBuilder b = new StringBuilder(16384).append(ExperimentPage.STYLE).append("<div class=\"jr-cmp\">");
        choice.form(b, c, String.join(",", ids));
        List<CompareView.Plot> plots = List.of();
        try {
            plots = choice.plots(c);
        } catch (JrunsException bad) {
            b.append("<div class=\"jr-filter-error\" role=\"alert\">");
            Html.append(b, bad.getMessage()).append("</div>");
        }
        String subtitle = experiments(c);
        b.append(CompareView.render(c, new CompareView.Show(true, choice.diffOnly()), plots,
                new CompareView.Context(subtitle, null, System.currentTimeMillis(), parentNames(ctx, runs), io.jruns.views.Links.ui("/"))).html());
        b.append("</div>");
        String title = "Compare " + runs.size() + (runs.size() == 1 ? " run" : " runs");
        return Response.html(Layout.page(ctx, title, crumbs(c) + Html.escape(title), b.toString()));
    }

    /** The run ids of {@code runs=a,b} (the field may also repeat), in order, without repeats. */
    static List<String> ids(Request r) {
        List<String> out = new ArrayList<>();
        for (String v : r.queryAll("runs")) {
            for (String id : v.split(",")) {
                String s = id.strip();
                if (!s.isEmpty() && !out.contains(s)) out.add(s);
                if (out.size() > MAX_RUNS) return out;
            }
        }
        return out;
    }

    /** A link back to the runs' experiment when they share one. */
    private static String crumbs(RunComparison c) {
        List<String> ids = c.runs().stream().map(run -> run.info().experimentId()).distinct().toList();
        if (ids.size() != 1) return "";
        return "<a href=\"/experiments/" + HomePage.path(ids.get(0)) + "\">" + Html.escape(c.experimentName(ids.get(0))) + "</a> / ";
    }

    private static String experiments(RunComparison c) {
        return String.join(", ", c.runs().stream().map(run -> c.experimentName(run.info().experimentId())).distinct().toList());
    }

    /** Names of parents that are not compared themselves (at most 50 reads), as %compare shows them. */
    static Map<String, String> parentNames(UiContext ctx, Map<String, Run> runs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Run r : runs.values()) {
            String p = r.parentRunId().orElse(null);
            if (p == null || runs.containsKey(p) || names.containsKey(p) || names.size() >= 50) continue;
            ctx.client().store().getRun(p).ifPresent(parent -> names.put(p, parent.info().runName()));
        }
        return names;
    }
}
