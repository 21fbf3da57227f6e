package io.jruns.cli;

import io.jruns.magics.args.ArgsParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a command's arguments against its spec with the one grammar the magics use
 * ({@link ArgsParser}: {@code --name value}, {@code --name=value}, flags, {@code -p}, positionals
 * in any order, {@code --} to end options), then checks the positionals' count. Every mistake
 * is a {@link UsageException} naming the command and its usage.
 */
final class Args {
    private Args() {
    }

    static ParsedArgs parse(CommandSpec spec, List<String> tokens) {
        List<io.jruns.magics.args.OptionSpec> specs = spec.options().stream().map(OptionSpec::grammar).toList();
        io.jruns.magics.args.ParsedArgs parsed = ArgsParser.parse(spec.name(), tokens, specs, what -> error(spec, what));
        List<String> positionals = parsed.positional();
        if (positionals.size() < spec.requiredCount()) {
            throw error(spec, "missing " + spec.positionals().get(positionals.size()));
        }
        if (spec.maxCount() >= 0 && positionals.size() > spec.maxCount()) {
            String extra = positionals.get(spec.maxCount());
            throw error(spec, "unexpected argument '" + extra + "'" + orderHint(tokens, extra));
        }
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (OptionSpec o : spec.options()) {
            List<String> given = parsed.options().get(OptionSpec.bare(o.name()));
            if (given == null) continue;
            if (!o.takesValue()) {
                flags.add(o.name());
            } else {
                values.put(o.name(), given.get(given.size() - 1));
                repeated.put(o.name(), given);
            }
        }
        return new ParsedArgs(spec, positionals, values, flags, repeated);
    }

    /** ASC or DESC right after an option's value: the shell split an order that needed quotes. */
    private static String orderHint(List<String> tokens, String extra) {
        if (!extra.equalsIgnoreCase("ASC") && !extra.equalsIgnoreCase("DESC")) return "";
        int at = tokens.indexOf(extra);
        if (at < 2 || !tokens.get(at - 2).startsWith("--")) return "";
        return "; quote the order: " + tokens.get(at - 2) + " '" + tokens.get(at - 1) + " " + extra + "'";
    }

    private static UsageException error(CommandSpec spec, String what) {
        return new UsageException(spec.name() + ": " + what + " (usage: " + spec.usage() + ")");
    }
}
