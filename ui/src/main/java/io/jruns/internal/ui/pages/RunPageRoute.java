package io.jruns.internal.ui.pages;

import io.jruns.TrackingClient;
import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.internal.ui.UiContext;
import io.jruns.internal.ui.http.Response;
import io.jruns.internal.ui.http.Router;
import io.jruns.views.ArtifactEntry;
import io.jruns.views.Links;
import io.jruns.views.RunPageData;
import io.jruns.views.html.Html;
import io.jruns.views.html.RunPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /runs/<id>}: what {@code %runs show} shows (the views' RunPage, linking into the UI),
 * then the editing forms (rename, note, tags), a chart per metric and the logged models'
 * prediction snippets. Also installs the run's artifact and notebook pages.
 */
public final class RunPageRoute {
    /** Charts are drawn for this many metric keys at most (one full history read each). */
    static final int CHARTS = 100;

    private RunPageRoute() {
    }

    public static void install(Router router, UiContext ctx) {
        router.get("/runs/{id}", r -> {
            long t0 = System.nanoTime();
            String html = render(ctx, r.param("id"), "time".equals(r.query("x").orElse("")), RunEditForms.Draft.NONE);
            // the server's own time (reads and rendering), for the browser's network panel and bench/ui
            return Response.html(html).withHeader("Server-Timing", "page;dur=" + (System.nanoTime() - t0) / 1_000_000.0);
        });
        RunEdits.install(router, ctx);
        ArtifactPages.install(router, ctx);
        NotebookPage.install(router, ctx);
    }

    /** The page; {@code draft} carries a refused form's input and its error, shown rather than lost. */
    static String render(UiContext ctx, String runId, boolean byTime, RunEditForms.Draft draft) {
        TrackingClient client = ctx.client();
        Run run = client.getRun(runId);
        // Each history is read once, then thinned: the charts draw the thinned series, and the
        // views' sparklines get the step-ordered thinned points (they would sort 100,000 again).
        Map<String, List<Metric>> sparklines = new LinkedHashMap<>();
        List<MetricCharts.Series> charts = new ArrayList<>();
        for (String key : run.data().metrics().keySet()) {
            if (charts.size() >= CHARTS) break;
            List<Metric> history = client.getMetricHistory(run.runId(), key);
            MetricCharts.Series byStep = MetricCharts.series(key, history, false);
            sparklines.put(key, byStep.drawn());
            charts.add(byTime ? MetricCharts.series(key, history, true) : byStep);
        }
        List<ArtifactEntry> artifacts = new ArrayList<>();
        boolean truncated = ArtifactEntry.listTree(client, run.runId(), artifacts);
        RunPageData data = new RunPageData(run, experimentName(client, run), parent(client, run), children(client, run).max(RunPageData.CHILDREN_SHOWN).runs(),
                sparklines, artifacts, truncated, System.currentTimeMillis()).withLinks(Links.ui("/"))
                .withChildCount(children(client, run).count(CHILDREN_COUNTED));
        String path = Links.ui("/").run(run.runId()).orElseThrow();
        StringBuilder b = new StringBuilder();
        if (draft.error() != null) Html.append(b.append("<p class=\"jr-formerror\" role=\"alert\">"), draft.error()).append("</p>");
        b.append(RunPage.render(data).html());
        b.append(RunEditForms.html(ctx, run, path, draft));
        b.append(MetricCharts.html(Html.escape(path), charts, byTime));
        b.append(ModelSnippetsHtml.html(client, run));
        b.append("<link rel=\"stylesheet\" href=\"/static/run.css\"><script src=\"/static/run.js\" defer></script>");
        return Layout.page(ctx, RunCrumbs.runName(run), RunCrumbs.html(ctx, run), b.toString());
    }

    private static String experimentName(TrackingClient client, Run run) {
        return client.getExperiment(run.info().experimentId()).map(Experiment::name).orElse(run.info().experimentId());
    }

    private static Run parent(TrackingClient client, Run run) {
        return run.parentRunId().flatMap(p -> {
            try {
                return java.util.Optional.of(client.getRun(p));
            } catch (JrunsException gone) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    /** Past this many child runs a page says "more than" (an MLflow server is read to count them). */
    static final long CHILDREN_COUNTED = 10_000;

    private static io.jruns.RunQuery children(TrackingClient client, Run run) {
        String filter = RunPageData.childrenFilter(run.runId());
        return client.search().experiments(run.info().experimentId()).filter(filter).state(ViewType.ALL);
    }

}
