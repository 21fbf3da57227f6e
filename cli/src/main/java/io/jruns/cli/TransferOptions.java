package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import io.jruns.transfer.Selection;
import io.jruns.transfer.TransferReport;
import io.jruns.views.format.Format;

import java.io.PrintStream;

/** What export, import and copy share: the run selection, progress lines and opening a store by URI. */
final class TransferOptions {
    static final OptionSpec EXPERIMENT = OptionSpec.repeated("--experiment", "E",
            "an experiment by name or id (repeatable; default: every active experiment)");
    static final OptionSpec FILTER = OptionSpec.value("--filter", "F",
            "only runs matching this filter (the search language, see docs/search.md); default: every run, deleted ones too");

    private TransferOptions() {
    }

    static Selection selection(ParsedArgs args) {
        return new Selection(args.values("--experiment"), args.value("--filter"));
    }

    static String required(ParsedArgs args, String option) {
        String v = args.value(option);
        if (v == null || v.isBlank()) throw new UsageException(args.spec().name() + ": " + option + " is required");
        return v;
    }

    /** One stderr line per tenth of the work (and the last), so long transfers show they move. */
    static Progress progress(PrintStream err, String command) {
        return new ProgressLines(err, command, 0);
    }

    static Store open(String uri, CliContext context) {
        return Stores.open(resolve(uri, context), context.environment().variables());
    }

    static TrackingUri resolve(String uri, CliContext context) {
        return TrackingUri.resolve(uri, context.environment().variables());
    }

    /** Whether a tracking URI a copied run names as its source is {@code target}: its copy back is no new run. */
    static java.util.function.Predicate<String> isTarget(TrackingUri target, CliContext context) {
        return uri -> CopyEnds.names(uri, target, context.environment().variables());
    }

    /**
     * After the summary: the runs whose copy failed, one line each on stderr, and a failure
     * (exit 1) that says copying again retries them.
     */
    static void failOnFailedRuns(TransferReport r, String command, CliContext context) {
        if (r.failed().isEmpty()) return;
        r.failureLines().forEach(l -> context.err().println("  " + l));
        throw new JrunsException(JrunsException.Code.INVALID_STATE, command + ": " + Format.count(r.failed().size(), "run")
                + " failed (above; what they made is marked incomplete and deleted); " + command
                + " again retries them");
    }

    static String shown(String uri, CliContext context) {
        return TrackingUri.resolve(uri, context.environment().variables()).toString();
    }

    /**
     * Runs a copy or import; a store that stops answering midway (INTERNAL_ERROR: a server gone,
     * a disk error) is said with what it means for the work: what was copied stays, and the same
     * command goes on from there (runs completed are skipped, a half-made one is replaced).
     */
    static TransferReport resumable(String command, java.util.function.Supplier<TransferReport> work) {
        try {
            return work.get();
        } catch (io.jruns.domain.JrunsException e) {
            if (e.code() != io.jruns.domain.JrunsException.Code.INTERNAL_ERROR) throw e;
            String why = e.getMessage() == null ? "the store failed" : e.getMessage().lines().findFirst().orElse("the store failed");
            throw new io.jruns.domain.JrunsException(e.code(), command + " stopped: " + why
                    + "; the runs copied so far are kept, and running the same " + command + " again goes on from there", e);
        }
    }
}
