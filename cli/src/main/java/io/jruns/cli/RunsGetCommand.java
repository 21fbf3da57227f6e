package io.jruns.cli;

import io.jruns.views.text.RunText;
import io.jruns.views.RunPageData;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.json.RestJson;

import java.util.List;

/** {@code jruns runs get RUN}: one run, as a readable page or as MLflow's runs/get JSON. */
final class RunsGetCommand implements Command {
    private static final OutputFormat[] FORMATS = {OutputFormat.TABLE, OutputFormat.JSON};
    private static final CommandSpec SPEC = new CommandSpec("runs get", List.of("RUN"), List.of(ManageOptions.EXPERIMENT,
            OptionSpec.value("--format", OutputFormat.choices(FORMATS),
                    "table (default) or json (MLflow's runs/get answer: run.info, run.data)")),
            "Show one run: its details, params, metrics and tags",
            "Metrics show their latest value with min, max and the number of points.");

    /** Past this many child runs it says "more than" (an MLflow server is read to count them). */
    private static final long CHILDREN_COUNTED = 10_000;

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        OutputFormat format = args.format(OutputFormat.TABLE, FORMATS);
        Run run = context.findRun(args.positional(0), args.value("--experiment"));
        if (format == OutputFormat.JSON) {
            context.out().println(RestJson.writeRun(run));
            return;
        }
        String experiment = context.store().getExperiment(run.info().experimentId()).map(Experiment::name)
                .orElse(run.info().experimentId());
        // how many runs are nested under it, as the run page says
        io.jruns.RunQuery children = new io.jruns.RunQuery(context.store(), () -> run.info().experimentId(), () -> { })
                .filter(RunPageData.childrenFilter(run.runId()))
                .state(io.jruns.domain.ViewType.ALL);
        RunPageData page = new RunPageData(run, experiment, null, children.max(1).runs(), java.util.Map.of(), null, false,
                System.currentTimeMillis()).withChildCount(children.count(CHILDREN_COUNTED));
        context.out().print(RunText.render(page, context.environment().zone()));
    }
}
