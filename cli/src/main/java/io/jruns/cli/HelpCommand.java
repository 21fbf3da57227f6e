package io.jruns.cli;

import java.util.List;

/** {@code jruns help [COMMAND...]}: the overview, or one command's usage and options. */
final class HelpCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("help", List.of("[COMMAND...]"), List.of(),
            "Show the commands, or one command's arguments and options", "");
    private final Commands registry;

    HelpCommand(Commands registry) {
        this.registry = registry;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        List<String> words = args.positionals();
        if (words.isEmpty()) {
            context.out().print(registry.overview());
            return;
        }
        Command c = registry.find(words).filter(x -> x.spec().words().size() == words.size())
                .orElseThrow(() -> new UsageException("help: no command '" + String.join(" ", words)
                        + "' (see 'jruns help')"));
        context.out().print(Commands.help(c.spec()));
    }
}
