package io.jruns.cli;

import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;

import java.io.PrintStream;
import java.time.ZoneId;

/** One run as text: a details block, then Params, Metrics and Tags tables. */
final class RunPage {
    private static final int VALUE_WIDTH = 100;

    private RunPage() {
    }

    static void print(Run run, String experiment, ZoneId zone, PrintStream out) {
        RunInfo i = run.info();
        TextTable details = new TextTable().column("field").column("value").withoutHeaders()
                .row("run_id", i.runId())
                .row("name", Formats.cell(i.runName(), VALUE_WIDTH))
                .row("experiment", Formats.cell(experiment, VALUE_WIDTH))
                .row("status", i.status().name())
                .row("user", Formats.cell(i.userId(), VALUE_WIDTH))
                .row("start", Formats.time(i.startTime(), zone))
                .row("end", Formats.time(i.endTime(), zone))
                .row("duration", Formats.duration(i.startTime(), i.endTime()))
                .row("lifecycle", i.lifecycleStage().wire())
                .row("artifact_uri", Formats.cell(i.artifactUri(), 300));
        run.parentRunId().ifPresent(p -> details.row("parent_run_id", p));
        run.note().ifPresent(n -> details.row("note", Formats.cell(n, VALUE_WIDTH)));
        details.print(out);

        out.println();
        out.println("Params");
        if (run.data().params().isEmpty()) {
            out.println("(none)");
        } else {
            TextTable params = new TextTable().column("key").column("value");
            run.data().params().forEach((k, v) -> params.row(Formats.cell(k, 80), Formats.cell(v, VALUE_WIDTH)));
            params.print(out);
        }

        out.println();
        out.println("Metrics");
        if (run.data().metrics().isEmpty()) {
            out.println("(none)");
        } else {
            TextTable metrics = new TextTable().column("key").column("latest", true).column("step", true)
                    .column("min", true).column("max", true).column("points", true);
            for (MetricSummary m : run.data().metrics().values()) {
                metrics.row(Formats.cell(m.key(), 80), Formats.number(m.latest()), Long.toString(m.latestStep()),
                        Formats.number(m.min()), Formats.number(m.max()), Long.toString(m.count()));
            }
            metrics.print(out);
        }

        out.println();
        out.println("Tags");
        if (run.data().tags().isEmpty()) {
            out.println("(none)");
        } else {
            TextTable tags = new TextTable().column("key").column("value");
            run.data().tags().forEach((k, v) -> tags.row(Formats.cell(k, 80), Formats.cell(v, VALUE_WIDTH)));
            tags.print(out);
        }
    }
}
