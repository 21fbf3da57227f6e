package io.jruns.magics.render;

import io.jruns.views.RunFacts;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.magics.host.Output;

import java.util.List;
import java.util.Map;

/**
 * One run's page: details, note, params, metrics (latest, min, max, a sparkline of the
 * history), tags (system tags folded), the artifacts tree and the logged models.
 */
public final class RunPage {
    /** Everything the page shows, read beforehand. {@code histories} may lack keys (no sparkline). */
    public record Data(Run run, String experimentName, Run parent, List<Run> children, Map<String, List<Metric>> histories,
                       List<ArtifactTree.Entry> artifacts, boolean artifactsTruncated, long now) {
    }

    private RunPage() {
    }

    public static Output render(Data d) {
        Run r = d.run();
        RunInfo i = r.info();
        StringBuilder h = new StringBuilder(8192).append("<div class=\"jr jr-page\">").append(Css.STYLE);
        h.append("<div class=\"jr-h\"><span class=\"jr-title\">");
        Html.append(h, RunsRows.name(i)).append("</span>").append(Status.html(i.status()));
        if (RunsTable.deleted(i)) h.append("<span class=\"jr-badge\">deleted</span>");
        h.append("<span class=\"jr-dim\">run <span class=\"jr-sha\">").append(Html.escape(i.runId()))
                .append("</span> \u00b7 experiment ");
        Html.append(h, d.experimentName()).append("</span></div>");
        r.note().filter(n -> !n.isBlank()).ifPresent(n -> Html.append(h.append("<div class=\"jr-note\">"), n).append("</div>"));
        h.append("<div class=\"jr-cols\"><div><div class=\"jr-sec\">Details</div>");
        RunPageParts.details(h, d);
        h.append("</div>");
        if (!RunFacts.models(r).isEmpty()) {
            h.append("<div><div class=\"jr-sec\">Logged models</div>");
            RunPageParts.models(h, r);
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
        h.append("</div><div><div class=\"jr-sec\">Artifacts</div>").append(ArtifactTree.html(d.artifacts(), d.artifactsTruncated()));
        h.append("</div></div></div>");
        return new Output(h.toString(), text(d));
    }

    static String text(Data d) {
        Run r = d.run();
        RunInfo i = r.info();
        StringBuilder t = new StringBuilder("Run ").append(RunsRows.name(i)).append(" (").append(i.runId()).append(") ")
                .append(Status.text(i.status())).append(", experiment ").append(d.experimentName()).append('\n');
        r.note().ifPresent(n -> t.append("Note: ").append(n).append('\n'));
        t.append("Started ").append(Format.time(i.startTime())).append(", took ").append(Format.duration(i.startTime(), i.endTime(), d.now()))
                .append(", source ").append(RunFacts.sourceName(r)).append(' ').append(RunFacts.shortRevision(r)).append('\n');
        if (d.parent() != null) t.append("Parent: ").append(RunsRows.name(d.parent().info())).append('\n');
        if (!d.children().isEmpty()) t.append("Children: ").append(d.children().size()).append('\n');
        t.append("Params:\n");
        r.data().params().forEach((k, v) -> t.append("  ").append(k).append(" = ").append(v).append('\n'));
        t.append("Metrics (latest / min / max):\n");
        for (MetricSummary s : r.data().metrics().values()) {
            t.append("  ").append(s.key()).append(" = ").append(Format.number(s.latest())).append(" / ")
                    .append(Format.number(s.min())).append(" / ").append(Format.number(s.max())).append('\n');
        }
        t.append("Tags: ").append(r.data().tags().size()).append('\n');
        t.append("Artifacts:\n").append(ArtifactTree.text(d.artifacts()));
        for (RunFacts.LoggedModel m : RunFacts.models(r)) {
            t.append("Model ").append(m.artifactPath()).append(": %snippet ").append(i.runId()).append(' ').append(m.artifactPath()).append('\n');
        }
        return t.toString();
    }
}
