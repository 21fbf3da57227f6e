package io.jruns.internal.ui.pages;

import io.jruns.domain.Experiment;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.format.Format;
import io.jruns.views.html.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /}: the store's experiments, newest activity first, each a link to its runs; ticked
 * ones open together ("Compare", a GET of {@code /experiments?exp=ID..}, sent on to
 * {@code /experiments/ID,ID}), as the reference compares runs of several experiments.
 */
public final class HomePage {
    private HomePage() {
    }

    public static void install(Router router, UiContext ctx) {
        router.get("/", r -> Response.html(render(ctx, ctx.client().listExperiments())));
        router.get("/experiments", r -> {
            List<String> ids = r.queryAll("exp").stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (ids.isEmpty()) return Response.seeOther("/");
            return Response.seeOther(ExperimentSet.of(ctx, String.join(",", ids)).base());
        });
    }

    static String render(UiContext ctx, List<Experiment> experiments) {
        long now = System.currentTimeMillis();
        StringBuilder b = new StringBuilder("<div class=\"jr\"><div class=\"jr-h\"><span class=\"jr-title\">Experiments</span>"
                + "<span class=\"jr-dim\">").append(experiments.size()).append(experiments.size() == 1 ? " experiment" : " experiments")
                .append("</span></div>");
        if (experiments.isEmpty()) {
            b.append("<p class=\"jr-dim\">No experiments yet: start a run from a notebook (%run start) or from Java (Jruns.startRun).</p>");
        } else {
            b.append("<form method=\"get\" action=\"/experiments\"><div class=\"jr-actions\">")
                    .append("<button type=\"submit\" id=\"jr-compare-exps\">Compare</button>")
                    .append("<span class=\"jr-dim\"> the runs of the ticked experiments in one table</span></div>")
                    .append("<table class=\"jr-t\" id=\"experiments\"><thead><tr><th></th><th>Name</th><th>ID</th><th>Last activity</th></tr></thead><tbody>");
            experiments.stream()
                    .sorted(Comparator.comparingLong(Experiment::lastUpdateTime).reversed().thenComparing(Experiment::name))
                    .forEach(e -> b.append("<tr><td><input type=\"checkbox\" name=\"exp\" aria-label=\"choose ")
                            .append(Html.escape(e.name())).append("\" value=\"").append(Html.escape(e.experimentId())).append("\"></td>")
                            .append("<td><a href=\"/experiments/").append(path(e.experimentId())).append("\">")
                            .append(Html.escape(e.name())).append("</a></td><td class=\"jr-dim\">").append(Html.escape(e.experimentId()))
                            .append("</td><td title=\"").append(Html.escape(Format.time(e.lastUpdateTime()))).append("\">")
                            .append(Html.escape(Format.relative(e.lastUpdateTime(), now))).append("</td></tr>"));
            b.append("</tbody></table></form>");
        }
        b.append("</div>");
        return Layout.page(ctx, "Experiments", "", b.toString());
    }

    /** One path segment, percent-encoded. */
    public static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
