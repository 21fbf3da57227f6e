package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;

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
        Run run = manager.resolve(args.positional(0));
        String id = run.runId();
        List<String> keys = args.positionals().subList(1, args.positionals().size());
        // every key first: a missing one leaves the run as it was, not with the keys before it gone
        for (String k : keys) {
            if (!run.data().tags().containsKey(k)) {
                throw JrunsException.notFound("run '" + id + "' has no tag '" + k + "' (nothing was removed)");
            }
        }
        keys.forEach(k -> manager.deleteTag(id, k));
        context.out().println("Removed from run " + id + ": " + String.join(", ", keys) + ".");
    }
}
