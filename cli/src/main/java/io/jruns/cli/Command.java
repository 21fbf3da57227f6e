package io.jruns.cli;

/** One {@code jruns} command. Failing is throwing: {@link UsageException} or {@code JrunsException}. */
interface Command {
    CommandSpec spec();

    void run(ParsedArgs args, CliContext context);
}
