package io.jruns.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code jruns help [COMMAND...]}: the overview, or one command's usage and options. */
final class HelpCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("help", List.of("[COMMAND...]"), List.of(),
            "Show the commands, or one command's arguments and options",
            "COMMAND may be a group (runs) or a subcommand, as words (help runs get) or quoted (help 'runs get').");
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
        // "jruns help runs get" and "jruns help 'runs get'" alike
        List<String> words = args.positionals().stream().flatMap(w -> Arrays.stream(w.trim().split("\\s+")))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            context.out().print(registry.overview());
            return;
        }
        if (words.size() == 1) {
            Optional<String> group = registry.groupHelp(words.get(0));
            if (group.isPresent()) {
                context.out().print(group.get());
                return;
            }
        }
        Command c = registry.find(words).filter(x -> x.spec().words().size() == words.size())
                .orElseThrow(() -> new UsageException("help: no command '" + String.join(" ", words)
                        + "' (see 'jruns help')"));
        context.out().print(Commands.help(c.spec()));
    }
}
