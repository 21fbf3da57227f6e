package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.kernel.spare.WaitingSpares;
import io.jruns.views.format.Format;
import io.jruns.views.text.TextTable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code jruns spares [--stop]}: the warm spare kernels that wait for a launch, and a way to stop them. */
final class SparesCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("spares", List.of(), List.of(
            OptionSpec.flag("--stop", "stop every spare that waits (kernels that serve a notebook are not touched)")),
            "List the spare kernels waiting for a notebook's next launch, or stop them",
            "A kernel leaves a spare (a warmed-up JVM, ~150 MB) for the next launch of a notebook with its kernel; it "
                    + "exits by itself after JRUNS_SPARE_IDLE_MINUTES (15) without one. They wait in JRUNS_SPARE_DIR, "
                    + "else $XDG_RUNTIME_DIR/jruns-spares, else ~/.cache/jruns-spares.");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Path dir = WaitingSpares.folder(context.environment().variables());
        List<WaitingSpares.Spare> spares;
        try {
            spares = WaitingSpares.in(dir);
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot list " + dir + ": " + e.getMessage());
        }
        if (spares.isEmpty()) {
            context.out().println("No spare kernel waits in " + dir + ".");
            return;
        }
        if (args.flag("--stop")) {
            stop(spares, context);
            return;
        }
        TextTable t = new TextTable().column("pid").column("started in").column("waiting since").column("memory").column("key");
        for (WaitingSpares.Spare s : spares) {
            t.row(String.valueOf(s.process().pid()), s.folder().map(Path::toString).orElse("?"),
                    Format.time(s.since().toEpochMilli(), context.environment().zone()),
                    s.residentBytes().map(Format::bytes).orElse("?"), s.key());
        }
        context.out().print(t.render());
    }

    private static void stop(List<WaitingSpares.Spare> spares, CliContext context) {
        int stopped = 0;
        long freed = 0;
        for (WaitingSpares.Spare s : spares) {
            if (s.stop(Duration.ofSeconds(10))) {
                stopped++;
                freed += s.residentBytes().orElse(0L);
            } else {
                context.err().println("jruns: warning: spare " + s.process().pid() + " did not exit within 10 s");
            }
        }
        context.out().println("Stopped " + ManageOptions.plural(stopped, "spare kernel") + " (" + Format.bytes(freed) + ").");
        if (stopped < spares.size()) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "spares: "
                    + ManageOptions.plural(spares.size() - stopped, "spare") + " still running (listed above)");
        }
    }
}
