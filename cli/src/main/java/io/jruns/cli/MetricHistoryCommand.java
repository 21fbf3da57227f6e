package io.jruns.cli;

import io.jruns.views.format.Format;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.json.RestJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code jruns runs metric-history RUN KEY}: every point of one metric, in the order logged. */
final class MetricHistoryCommand implements Command {
    private static final OutputFormat[] FORMATS = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV};
    private static final CommandSpec SPEC = new CommandSpec("runs metric-history", List.of("RUN", "KEY"), List.of(ManageOptions.EXPERIMENT,
            OptionSpec.value("--format", OutputFormat.choices(FORMATS),
                    "table (default), json (MLflow's metrics/get-history answer) or csv (step,timestamp,value)")),
            "Show every logged point of one metric of a run",
            "Values are exact; CSV timestamps are milliseconds since the epoch.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        OutputFormat format = args.format(OutputFormat.TABLE, FORMATS);
        Run run = context.findRun(args.positional(0), args.value("--experiment"));
        String key = args.positional(1);
        List<Metric> history = context.store().getMetricHistory(run.runId(), key);
        if (history.isEmpty()) {
            String known = run.data().metrics().isEmpty() ? "it has no metrics"
                    : "its metrics: " + String.join(", ", run.data().metrics().keySet());
            throw JrunsException.notFound("run '" + run.runId() + "' has no metric '" + key + "' (" + known + ")");
        }
        switch (format) {
            case JSON -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(context.out(),
                        StandardCharsets.UTF_8), 1 << 16);
                try {
                    RestJson.writeMetricHistory(history, w);
                    w.write(System.lineSeparator());
                    w.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case CSV -> {
                context.out().println("step,timestamp,value");
                history.forEach(m -> context.out().println(m.step() + "," + m.timestamp() + "," + Format.exact(m.value())));
            }
            case TABLE -> HistoryTable.write(history, context.environment().zone(), context.out());
        }
    }
}
