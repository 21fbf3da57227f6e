package io.jruns.cli;

import io.jruns.views.text.TextTable;
import io.jruns.views.format.Format;
import io.jruns.domain.Experiment;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;

import java.util.List;

/** {@code jruns experiments list}: the experiments of the store. */
final class ExperimentsListCommand implements Command {
    private static final OutputFormat[] FORMATS = {OutputFormat.TABLE, OutputFormat.JSON};
    private static final CommandSpec SPEC = new CommandSpec("experiments list", List.of(), List.of(
            OptionSpec.flag("--all", "include deleted experiments"),
            OptionSpec.value("--format", OutputFormat.choices(FORMATS),
                    "table (default) or json (MLflow's experiments/search answer)")),
            "List the experiments", "Active ones by id; --all adds the deleted ones.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        OutputFormat format = args.format(OutputFormat.TABLE, FORMATS);
        boolean all = args.flag("--all");
        List<Experiment> experiments = context.store().listExperiments(all ? ViewType.ALL : ViewType.ACTIVE_ONLY);
        if (format == OutputFormat.JSON) {
            context.out().println(RestJson.writeExperiments(experiments));
            return;
        }
        TextTable t = new TextTable().column("experiment_id", true).column("name").column("created");
        if (all) t.column("lifecycle");
        t.column("artifact_location");
        for (Experiment e : experiments) {
            List<String> row = new java.util.ArrayList<>(List.of(e.experimentId(), TextTable.cell(e.name(), 60),
                    TextTable.orNone(Format.time(e.creationTime(), context.environment().zone()))));
            if (all) row.add(e.lifecycleStage().wire());
            row.add(TextTable.cell(e.artifactLocation(), 200));
            t.row(row);
        }
        context.out().print(t.render());
    }
}
