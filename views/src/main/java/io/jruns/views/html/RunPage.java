package io.jruns.views.html;

import io.jruns.views.RunFacts;
import io.jruns.views.RunPageData;
import io.jruns.views.text.RunText;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.views.Rendered;

import java.time.ZoneId;
import java.util.List;

/**
 * One run's page: details, note, params, metrics (latest, min, max, a sparkline of the
 * history), tags (system tags folded), the artifacts tree and the logged models.
 */
public final class RunPage {
    private RunPage() {
    }

    public static Rendered render(RunPageData d) {
        Run r = d.run();
        RunInfo i = r.info();
        StringBuilder h = new StringBuilder(8192).append("<div class=\"jr jr-page\">").append(Css.STYLE);
        h.append("<div class=\"jr-h\"><span class=\"jr-title\">");
        Html.append(h, RunsRows.name(i)).append("</span>").append(Status.html(i.status()));
        if (RunsTable.deleted(i)) h.append("<span class=\"jr-badge\">deleted</span>");
        h.append("<span class=\"jr-dim\">run <span class=\"jr-sha\">").append(Html.escape(i.runId()))
                .append("</span> \u00b7 experiment ");
        Html.append(h, d.experimentName()).append("</span></div>");
        // markdown, as MLflow shows it; Markdown escapes raw HTML and drops unsafe URLs
        r.note().filter(n -> !n.isBlank()).ifPresent(n -> h.append("<div class=\"jr-note\">").append(Markdown.html(n)).append("</div>"));
        h.append("<div class=\"jr-cols\"><div><div class=\"jr-sec\">Details</div>");
        RunPageParts.details(h, d);
        h.append("</div>");
        if (!RunFacts.models(r).isEmpty()) {
            h.append("<div><div class=\"jr-sec\">Logged models</div>");
            RunPageParts.models(h, r, d.links());
            h.append("</div>");
        }
        h.append("</div><div class=\"jr-cols\"><div><div class=\"jr-sec\">Parameters <span class=\"jr-dim\">")
                .append(r.data().params().size()).append("</span></div>");
        RunPageParts.keyValues(h, r.data().params(), "No params.");
        h.append("</div><div><div class=\"jr-sec\">Metrics <span class=\"jr-dim\">").append(r.data().metrics().size())
                .append("</span></div>");
        RunPageParts.metrics(h, r.data().metrics(), d.histories());
        h.append("</div></div><div class=\"jr-cols\"><div><div class=\"jr-sec\">Tags</div>");
        RunPageParts.tags(h, r.data().tags());
        h.append("</div><div><div class=\"jr-sec\">Artifacts</div>").append(ArtifactTree.html(d.artifacts() == null ? List.of() : d.artifacts(), d.artifactsTruncated(), d.run().info().runId(), d.links()));
        h.append("</div></div></div>");
        return new Rendered(h.toString(), RunText.render(d, ZoneId.systemDefault()));
    }
}
