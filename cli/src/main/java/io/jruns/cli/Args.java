package io.jruns.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a command's arguments against its spec: {@code --name value}, {@code --name=value},
 * flags, positionals in any order, and {@code --} to end options (for values that start with
 * a dash). Every mistake is a {@link UsageException} naming the command.
 */
final class Args {
    private Args() {
    }

    static ParsedArgs parse(CommandSpec spec, List<String> tokens) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        Set<String> flags = new HashSet<>();
        boolean optionsEnded = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (optionsEnded || !t.startsWith("-") || t.equals("-")) {
                positionals.add(t);
                continue;
            }
            if (t.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = t.indexOf('=');
            String name = eq > 0 ? t.substring(0, eq) : t;
            OptionSpec o = spec.option(name);
            if (o == null) throw error(spec, "unknown option '" + name + "'");
            if (!o.repeatable() && (values.containsKey(name) || flags.contains(name))) {
                throw error(spec, name + " is given twice");
            }
            String value;
            if (!o.takesValue()) {
                if (eq > 0) throw error(spec, name + " takes no value");
                flags.add(name);
                continue;
            } else if (eq > 0) {
                value = t.substring(eq + 1);
            } else if (i + 1 < tokens.size()) {
                value = tokens.get(++i);
            } else {
                throw error(spec, name + " needs a value (" + o.valueName() + ")");
            }
            values.put(name, value);
            repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (positionals.size() < spec.requiredCount()) {
            throw error(spec, "missing " + spec.positionals().get(positionals.size()));
        }
        if (spec.maxCount() >= 0 && positionals.size() > spec.maxCount()) {
            throw error(spec, "unexpected argument '" + positionals.get(spec.maxCount()) + "'");
        }
        return new ParsedArgs(spec, positionals, values, flags, repeated);
    }

    private static UsageException error(CommandSpec spec, String what) {
        return new UsageException(spec.name() + ": " + what + " (usage: " + spec.usage() + ")");
    }
}
