package io.jruns.cli;

import io.jruns.domain.SystemTags;
import io.jruns.views.text.TextTable;

import java.util.List;

/** {@code jruns runs rename RUN NAME}: a new run name; the mlflow.runName tag follows. */
final class RunsRenameCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("runs rename", List.of("RUN", "NAME"),
            List.of(ManageOptions.EXPERIMENT),
            "Rename a run",
            "RUN is a run id, a unique prefix of one (4 or more hex digits) or a run name. The run's "
                    + SystemTags.RUN_NAME + " tag changes with it.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        String name = args.positional(1);
        if (name.isBlank()) throw new UsageException("runs rename needs a new name, got an empty one");
        String id = ManageOptions.manager(args, context).rename(args.positional(0), name);
        context.out().println("Renamed run " + id + " to '" + TextTable.cell(name, 80) + "'.");
    }
}
