package io.jruns.views.text;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.views.ArtifactEntry;
import io.jruns.views.RunFacts;
import io.jruns.views.RunPageData;
import io.jruns.views.format.Format;

import java.time.ZoneId;

/**
 * One run as text ({@code jruns runs get}, and the run page's text in a notebook): a details
 * block, then Params, Metrics and Tags tables, then the artifacts (when listed) and the
 * logged models (when any), each section after a blank line.
 */
public final class RunText {
    private static final int VALUE_WIDTH = 100;
    private static final int KEY_WIDTH = 80;

    private RunText() {
    }

    public static String render(RunPageData d, ZoneId zone) {
        Run run = d.run();
        RunInfo i = run.info();
        String experiment = d.experimentName() == null || d.experimentName().equals(i.experimentId()) ? i.experimentId()
                : i.experimentId() + " (" + d.experimentName() + ")";
        TextTable details = new TextTable().column("field").column("value").withoutHeaders()
                .row("run_id", i.runId())
                .row("name", TextTable.cell(i.runName(), VALUE_WIDTH))
                .row("experiment", TextTable.cell(experiment, VALUE_WIDTH))
                .row("status", i.status().name())
                .row("user", TextTable.cell(RunFacts.user(run), VALUE_WIDTH))
                .row("start", TextTable.orNone(Format.time(i.startTime(), zone)))
                .row("end", TextTable.orNone(Format.time(i.endTime(), zone)))
                .row("duration", i.startTime() <= 0 ? TextTable.NONE : Format.duration(i.startTime(), i.endTime(), d.now())
                        + (i.endTime() == null ? " so far" : ""))
                .row("lifecycle", i.lifecycleStage().wire());
        String source = RunFacts.tag(run, io.jruns.domain.SystemTags.SOURCE_NAME);
        if (source != null) {
            String rev = RunFacts.shortRevision(run);
            details.row("source", TextTable.cell(source + (rev.isEmpty() ? "" : " " + rev), VALUE_WIDTH));
        }
        details.row("artifact_uri", TextTable.cell(i.artifactUri(), 300));
        run.parentRunId().ifPresent(p -> details.row("parent_run_id", d.parent() == null ? p
                : p + " (" + TextTable.cell(d.parent().info().runName(), VALUE_WIDTH) + ")"));
        if (!d.children().isEmpty()) {
            long n = Math.max(d.children().size(), d.childCount().runs());
            details.row("children", (d.childCount().exact() ? "" : "more than ") + Format.count(n));
        }
        run.note().ifPresent(n -> details.row("note", TextTable.cell(n, VALUE_WIDTH)));
        StringBuilder t = new StringBuilder(details.render());

        t.append("\nParams\n");
        if (run.data().params().isEmpty()) {
            t.append("(none)\n");
        } else {
            TextTable params = new TextTable().column("key").column("value");
            run.data().params().forEach((k, v) -> params.row(TextTable.cell(k, KEY_WIDTH), TextTable.cell(v, VALUE_WIDTH)));
            t.append(params.render());
        }

        t.append("\nMetrics\n");
        if (run.data().metrics().isEmpty()) {
            t.append("(none)\n");
        } else {
            TextTable metrics = new TextTable().column("key").column("latest", true).column("step", true)
                    .column("min", true).column("max", true).column("points", true);
            for (MetricSummary m : run.data().metrics().values()) {
                metrics.row(TextTable.cell(m.key(), KEY_WIDTH), Format.number(m.latest()), Long.toString(m.latestStep()),
                        Format.number(m.min()), Format.number(m.max()), Long.toString(m.count()));
            }
            t.append(metrics.render());
        }

        t.append("\nTags\n");
        if (run.data().tags().isEmpty()) {
            t.append("(none)\n");
        } else {
            TextTable tags = new TextTable().column("key").column("value");
            run.data().tags().forEach((k, v) -> tags.row(TextTable.cell(k, KEY_WIDTH), TextTable.cell(v, VALUE_WIDTH)));
            t.append(tags.render());
        }

        if (d.artifacts() != null) {
            t.append("\nArtifacts\n");
            if (d.artifacts().isEmpty()) t.append("(none)\n");
            for (ArtifactEntry e : d.artifacts()) {
                t.append("  ".repeat(e.depth())).append(TextTable.cell(e.name(), VALUE_WIDTH))
                        .append(e.file().isDir() ? "/" : "  " + Format.bytes(e.file().fileSize())).append('\n');
            }
            if (d.artifactsTruncated()) t.append("(only the first ").append(Format.count(d.artifacts().size(), "entry", "entries"))
                    .append(")\n");
        }

        if (!RunFacts.models(run).isEmpty()) {
            t.append("\nLogged models\n");
            TextTable models = new TextTable().column("path").column("flavors");
            for (RunFacts.LoggedModel m : RunFacts.models(run)) {
                models.row(TextTable.cell(m.artifactPath(), KEY_WIDTH), String.join(", ", m.flavors()));
            }
            t.append(models.render());
        }
        return t.toString();
    }
}
