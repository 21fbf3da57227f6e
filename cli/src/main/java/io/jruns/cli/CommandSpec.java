package io.jruns.cli;

import java.util.List;

/**
 * What a command is called and accepts; help text and argument checking both come from it.
 * Positional names: {@code RUN_ID} is required, {@code [NAME]} optional, {@code [NAME...]} any number.
 */
record CommandSpec(String name, List<String> positionals, List<OptionSpec> options, String summary, String details) {

    CommandSpec {
        positionals = List.copyOf(positionals);
        options = List.copyOf(options);
    }

    List<String> words() {
        return List.of(name.split(" "));
    }

    int requiredCount() {
        return (int) positionals.stream().filter(p -> !p.startsWith("[")).count();
    }

    /** How many positionals it takes at most; -1 when the last one repeats. */
    int maxCount() {
        boolean repeats = !positionals.isEmpty() && positionals.get(positionals.size() - 1).replace("]", "").endsWith("...");
        return repeats ? -1 : positionals.size();
    }

    OptionSpec option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    /** The usage line; when listing every option would not fit a terminal line, {@code [OPTIONS]}. */
    String usage() {
        StringBuilder b = new StringBuilder("jruns ").append(name);
        positionals.forEach(p -> b.append(' ').append(p));
        int bare = b.length();
        options.forEach(o -> b.append(' ').append(o.synopsis()));
        if (b.length() + "Usage: ".length() > 80) {
            b.setLength(bare);
            options.stream().filter(OptionSpec::required).forEach(o -> b.append(' ').append(o.synopsis()));
            b.append(" [OPTIONS]");
        }
        return b.toString();
    }
}
