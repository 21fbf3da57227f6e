package io.jruns.cli;

import io.jruns.RunManager;

import java.util.List;

/**
 * {@code jruns runs delete RUN... [--keep-descendants]}, or in bulk {@code jruns runs delete
 * --experiment E --before TIME [--max N]} (Databricks' delete_runs).
 */
final class RunsDeleteCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("runs delete", List.of("[RUN...]"), List.of(
            OptionSpec.flag("--keep-descendants", "delete only the runs named, not the runs below them"),
            OptionSpec.value("--experiment", "NAME_OR_ID",
                    "where run names are looked up (default: every active experiment); with --before, the experiment"),
            OptionSpec.value("--before", "TIME", "bulk: the runs of --experiment created at or before this time "
                    + "(epoch milliseconds, 2026-11-01, 2026-11-01T09:30 local time, or an age: 30d, 12h, 90m), oldest first"),
            OptionSpec.value("--max", "N", "bulk: at most N runs, 1 to 10,000 (default 10,000)")),
            "Delete runs (soft: restorable for 30 days, then purged by gc)",
            "RUN is a run id, a unique id prefix or a run name. Deleting a run also deletes the runs below it "
                    + "(nested runs, at any depth) unless --keep-descendants is given; 'jruns runs restore' brings back "
                    + "a run with what was deleted with it.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Long before = ManageOptions.millis(args, "--before");
        if (before != null) BulkChecks.bulk(args, "--before", "--keep-descendants");
        else BulkChecks.byReference(args, "--before");
        RunManager manager = ManageOptions.manager(args, context);
        int n = before != null
                ? manager.deleteCreatedBefore(args.value("--experiment"), before, ManageOptions.maxRuns(args),
                        ManageOptions.progress(context.err(), "runs delete"))
                : manager.delete(args.positionals(), args.flag("--keep-descendants"), ManageOptions.progress(context.err(), "runs delete"));
        context.out().println("Deleted " + ManageOptions.plural(n, "run") + ".");
    }
}
