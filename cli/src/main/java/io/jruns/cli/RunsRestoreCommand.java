package io.jruns.cli;

import io.jruns.RunManager;

import java.util.List;

/**
 * {@code jruns runs restore RUN...}, or in bulk {@code jruns runs restore --experiment E
 * --since TIME [--max N]} (Databricks' restore_runs).
 */
final class RunsRestoreCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("runs restore", List.of("[RUN...]"), List.of(
            OptionSpec.value("--experiment", "NAME_OR_ID",
                    "where run names are looked up (default: every active experiment); with --since, the experiment"),
            OptionSpec.value("--since", "TIME", "bulk: the runs of --experiment deleted at or after this time "
                    + "(epoch milliseconds, a date, a date-time or an age: 2h), most recently deleted first"),
            OptionSpec.value("--max", "N", "bulk: at most N runs, 1 to 10,000 (default 10,000)")),
            "Restore deleted runs",
            "RUN is a run id, a unique id prefix or a run name of a deleted run. The runs below it that were "
                    + "deleted with it come back too.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Long since = ManageOptions.millis(args, "--since");
        if (since != null) BulkChecks.bulk(args, "--since");
        else BulkChecks.byReference(args, "--since");
        RunManager manager = ManageOptions.manager(args, context);
        int n = since != null
                ? manager.restoreDeletedSince(args.value("--experiment"), since, ManageOptions.maxRuns(args),
                        ManageOptions.progress(context.err(), "runs restore"))
                : manager.restore(args.positionals(), ManageOptions.progress(context.err(), "runs restore"));
        context.out().println("Restored " + ManageOptions.plural(n, "run") + ".");
    }
}
