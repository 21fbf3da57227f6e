package io.jruns.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a command prints: aligned text for people, MLflow's JSON or CSV for programs. */
enum OutputFormat {
    TABLE, JSON, CSV;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices(OutputFormat... allowed) {
        return Arrays.stream(allowed).map(OutputFormat::word).collect(Collectors.joining("|"));
    }

    static OutputFormat parse(String command, String text, OutputFormat... allowed) {
        for (OutputFormat f : allowed) {
            if (f.word().equalsIgnoreCase(text.trim())) return f;
        }
        throw new UsageException(command + ": --format must be one of " + choices(allowed).replace("|", ", ")
                + ", got '" + text + "'");
    }
}
