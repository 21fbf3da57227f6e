package io.jruns.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code jruns runs tag RUN K=V...}: add or change tags on any run, also one that has ended. */
final class RunsTagCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("runs tag", List.of("RUN", "KEY=VALUE..."),
            List.of(ManageOptions.EXPERIMENT),
            "Set tags on a run",
            "RUN is a run id, a unique id prefix or a run name. Each KEY=VALUE sets one tag; the value is "
                    + "everything after the first '=' and may be empty. Setting mlflow.runName renames the run.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String kv : args.positionals().subList(1, args.positionals().size())) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new UsageException("runs tag: expected KEY=VALUE, got '" + kv + "'");
            tags.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        String id = ManageOptions.manager(args, context).setTags(args.positional(0), tags);
        context.out().println("Tagged run " + id + ": " + String.join(", ", tags.keySet()) + ".");
    }
}
