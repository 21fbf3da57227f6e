package io.jruns.cli;

import io.jruns.views.text.TextTable;
import io.jruns.views.format.Format;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code jruns runs list}: runs newest first, with the params and metrics most of them have. */
final class RunsListCommand implements Command {
    static final int DEFAULT_MAX = 100;
    private static final int KEY_COLUMNS = 3;
    private static final OutputFormat[] FORMATS = {OutputFormat.TABLE, OutputFormat.JSON};
    private static final CommandSpec SPEC = new CommandSpec("runs list", List.of(), List.of(
            OptionSpec.value("--experiment", "NAME_OR_ID", "only this experiment (default: every active one)"),
            OptionSpec.value("--max", "N", "show at most N runs (default " + DEFAULT_MAX + ")"),
            OptionSpec.value("--columns", "K,...", ChosenColumns.OPTION_HELP),
            OptionSpec.value("--format", OutputFormat.choices(FORMATS),
                    "table (default) or json (MLflow's runs/search answer)")),
            "List runs, newest first",
            "The table shows each run's id, name, status, start time and duration, and the params "
                    + "and metrics (latest values) that most of the listed runs have (" + KEY_COLUMNS + " of each; "
                    + "it says what else they have), or those --columns names.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        OutputFormat format = args.format(OutputFormat.TABLE, FORMATS);
        int max = args.positiveInt("--max", DEFAULT_MAX);
        String only = args.value("--experiment");
        List<Experiment> experiments = only != null ? List.of(context.experiment(only))
                : context.store().listExperiments(ViewType.ACTIVE_ONLY);
        List<String> ids = experiments.stream().map(Experiment::experimentId).toList();
        // One more than asked, to know whether to say that there are more.
        List<Run> runs = new ArrayList<>(context.store().listRuns(ids, ViewType.ACTIVE_ONLY, max == Integer.MAX_VALUE ? max : max + 1));
        boolean more = runs.size() > max;
        if (more) runs = runs.subList(0, max);
        if (format == OutputFormat.JSON) {
            context.out().println(RestJson.writeRuns(runs));
        } else if (runs.isEmpty()) {
            context.err().println("No runs" + (only != null ? " in experiment '" + only + "'" : "") + ".");
        } else {
            Map<String, String> names = experiments.stream()
                    .collect(Collectors.toMap(Experiment::experimentId, Experiment::name));
            print(runs, only == null ? names : null, context, new NamedKeys(List.of(), List.of()), args.value("--columns"));
        }
        if (more) context.err().println("jruns: showing the newest " + max + " runs; --max N shows more");
    }

    /** Prints the table, and on stderr which params and metrics it left out. */
    static void print(List<Run> runs, Map<String, String> experimentNames, CliContext context, NamedKeys named, String columns) {
        ChosenColumns chosen = ChosenColumns.of(runs, KEY_COLUMNS, named, columns);
        context.out().print(table(runs, experimentNames, context, chosen).render());
        if (chosen.note() != null) context.err().println(chosen.note());
    }

    /**
     * {@code experimentNames} non-null adds an experiment column (runs from several experiments);
     * {@code chosen} are the param and metric columns, the keys a search named among them.
     */
    static TextTable table(List<Run> runs, Map<String, String> experimentNames, CliContext context, ChosenColumns chosen) {
        List<String> params = chosen.params();
        List<String> metrics = chosen.metrics();
        TextTable t = new TextTable().column("run_id").column("name");
        if (experimentNames != null) t.column("experiment");
        t.column("status").column("start").column("duration", true);
        params.forEach(p -> t.column("params." + p));
        metrics.forEach(m -> t.column("metrics." + m, true));
        for (Run r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.runId());
            // as %runs --state all marks them: a deleted run is not one more FINISHED run
            row.add(TextTable.cell(r.info().runName(), 40) + (r.info().lifecycleStage() == LifecycleStage.DELETED ? " (deleted)" : ""));
            if (experimentNames != null) {
                row.add(TextTable.cell(experimentNames.getOrDefault(r.info().experimentId(), r.info().experimentId()), 30));
            }
            row.add(r.info().status().name());
            row.add(TextTable.orNone(Format.time(r.info().startTime(), context.environment().zone())));
            // a running run has no duration yet: the table is read later than it was printed
            row.add(r.info().endTime() == null || r.info().startTime() <= 0 ? TextTable.NONE
                    : Format.duration(r.info().endTime() - r.info().startTime()));
            params.forEach(p -> row.add(TextTable.cell(r.data().params().get(p), 20)));
            metrics.forEach(m -> row.add(r.metric(m).map(Format::number).orElse(TextTable.NONE)));
            t.row(row);
        }
        return t;
    }
}
