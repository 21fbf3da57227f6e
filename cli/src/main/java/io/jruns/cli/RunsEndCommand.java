package io.jruns.cli;

import io.jruns.domain.RunStatus;

import java.util.List;

/** {@code jruns runs end RUN [--status S]}: ends a run left RUNNING by a process that cannot end it. */
final class RunsEndCommand implements Command {
    private static final OptionSpec STATUS = OptionSpec.value("--status", "FINISHED|FAILED|KILLED",
            "how it ended (default KILLED: its process stopped before ending it)");
    private static final OptionSpec FORCE = OptionSpec.flag("--force",
            "end it even though the process logging it is alive (it may then end it again itself)");
    private static final CommandSpec SPEC = new CommandSpec("runs end", List.of("RUN"),
            List.of(STATUS, FORCE, ManageOptions.EXPERIMENT),
            "End a run left RUNNING",
            "For a run whose process died without ending it: a client of jruns ui, or a run copied or imported"
                    + " while it ran (such runs have no owner here, so nothing ends them by itself). The end time"
                    + " is now. A run that has ended is refused, and so is one whose process (a notebook kernel, a script) is"
                    + " still alive, unless --force. RUN is a run id, a unique prefix of one (4 or more"
                    + " hex digits) or a run name.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        String text = args.value("--status");
        RunStatus status = text == null ? RunStatus.KILLED : RunStatus.ending(text).orElseThrow(
                () -> new UsageException("runs end: --status must be FINISHED, FAILED or KILLED, not '" + text + "'"));
        String id = ManageOptions.manager(args, context).end(args.positional(0), status, args.flag("--force"));
        context.out().println("Ended run " + id + " as " + status + ".");
    }
}
