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

/** {@code /}: the store's experiments, newest activity first, each a link to its runs. */
public final class HomePage {
    private HomePage() {
    }

    public static void install(Router router, UiContext ctx) {
        router.get("/", r -> Response.html(render(ctx, ctx.client().listExperiments())));
    }

    static String render(UiContext ctx, List<Experiment> experiments) {
        long now = System.currentTimeMillis();
        StringBuilder b = new StringBuilder("<div class=\"jr\"><div class=\"jr-h\"><span class=\"jr-title\">Experiments</span>"
                + "<span class=\"jr-dim\">").append(experiments.size()).append(experiments.size() == 1 ? " experiment" : " experiments")
                .append("</span></div>");
        if (experiments.isEmpty()) {
            b.append("<p class=\"jr-dim\">No experiments yet: start a run from a notebook (%run start) or from Java (Jruns.startRun).</p>");
        } else {
            b.append("<table class=\"jr-t\" id=\"experiments\"><thead><tr><th>Name</th><th>ID</th><th>Last activity</th></tr></thead><tbody>");
            experiments.stream()
                    .sorted(Comparator.comparingLong(Experiment::lastUpdateTime).reversed().thenComparing(Experiment::name))
                    .forEach(e -> b.append("<tr><td><a href=\"/experiments/").append(path(e.experimentId())).append("\">")
                            .append(Html.escape(e.name())).append("</a></td><td class=\"jr-dim\">").append(Html.escape(e.experimentId()))
                            .append("</td><td title=\"").append(Html.escape(Format.time(e.lastUpdateTime()))).append("\">")
                            .append(Html.escape(Format.relative(e.lastUpdateTime(), now))).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        b.append("</div>");
        return Layout.page(ctx, "Experiments", "", b.toString());
    }

    /** One path segment, percent-encoded. */
    public static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
