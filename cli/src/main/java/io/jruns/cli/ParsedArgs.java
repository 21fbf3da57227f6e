package io.jruns.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's arguments after parsing, with typed accessors that fail as usage errors. */
record ParsedArgs(CommandSpec spec, List<String> positionals, Map<String, String> values, Set<String> flags,
                  Map<String, List<String>> repeated) {

    ParsedArgs {
        positionals = List.copyOf(positionals);
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        repeated = Map.copyOf(repeated);
    }

    /** Every value of an option given several times, in order. */
    List<String> values(String option) {
        return repeated.getOrDefault(option, List.of());
    }

    String positional(int i) {
        return i < positionals.size() ? positionals.get(i) : null;
    }

    String value(String option) {
        return values.get(option);
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    /** A positive int option, or the default when it is absent. */
    int positiveInt(String option, int defaultValue) {
        String v = values.get(option);
        if (v == null) return defaultValue;
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(spec.name() + ": " + option + " needs a positive integer, got '" + v + "'");
    }

    /** The {@code --format} choice, limited to what this command offers. */
    OutputFormat format(OutputFormat defaultFormat, OutputFormat... allowed) {
        String v = values.get("--format");
        return v == null ? defaultFormat : OutputFormat.parse(spec.name(), v, allowed);
    }
}
