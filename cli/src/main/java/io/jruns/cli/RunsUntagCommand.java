package io.jruns.cli;

import java.util.List;

/** {@code jruns runs untag RUN KEY...}: remove tags from a run. */
final class RunsUntagCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("runs untag", List.of("RUN", "KEY..."),
            List.of(ManageOptions.EXPERIMENT),
            "Remove tags from a run",
            "RUN is a run id, a unique id prefix or a run name. A tag the run does not have is an error.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        var manager = ManageOptions.manager(args, context);
        String id = manager.resolve(args.positional(0)).runId();
        List<String> keys = args.positionals().subList(1, args.positionals().size());
        keys.forEach(k -> manager.deleteTag(id, k));
        context.out().println("Removed from run " + id + ": " + String.join(", ", keys) + ".");
    }
}
