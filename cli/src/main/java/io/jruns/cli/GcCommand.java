package io.jruns.cli;

import io.jruns.views.format.Format;
import io.jruns.domain.JrunsException;
import io.jruns.store.GcResult;
import io.jruns.store.Retention;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code jruns gc [--older-than 30d]}: purge for good the runs deleted longer ago than that. */
final class GcCommand implements Command {
    private static final CommandSpec SPEC = new CommandSpec("gc", List.of(), List.of(
            OptionSpec.value("--older-than", "AGE", "purge runs deleted longer ago than AGE: a whole number and d, h, m "
                    + "or s (default 30d; 0d purges every deleted run)"),
            OptionSpec.flag("--compact", "then give the freed space back to the disk (the database file keeps its size "
                    + "otherwise, reusing it for new runs); takes a while on a large store, and waits for other processes")),
            "Purge deleted runs for good: their data and artifacts",
            "Deleted runs stay restorable until then. The embedded store also does this by itself, at most once a "
                    + "day when it opens, for runs deleted more than 30 days ago (set JRUNS_AUTO_GC=0 to stop that).");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(ParsedArgs args, CliContext context) {
        Duration age;
        try {
            age = args.value("--older-than") == null ? Retention.DEFAULT : Retention.parse(args.value("--older-than"));
        } catch (JrunsException e) {
            throw new UsageException("gc: --older-than: " + e.getMessage());
        }
        long cutoff = System.currentTimeMillis() - age.toMillis();
        GcResult r = new io.jruns.RunManager(context.store(), List.of()).gc(age, ManageOptions.progress(context.err(), "gc"));
        context.out().println("Purged " + ManageOptions.plural(r.runsPurged(), "run") + " deleted before "
                + Format.time(cutoff, context.environment().zone()) + String.format(Locale.ROOT, " (%,d bytes of artifacts).",
                r.artifactBytesFreed()));
        r.problems().forEach(p -> context.err().println("jruns: warning: " + p));
        if (args.flag("--compact")) {
            long freed = context.store().compact();
            context.out().println(String.format(Locale.ROOT, "Compacted %s: %,d bytes given back.", context.store().describe(), freed));
        }
        if (r.problems().isEmpty()) return;
        throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "gc: " + ManageOptions.plural(r.problems().size(),
                "artifact folder") + " could not be removed (listed above)");
    }
}
