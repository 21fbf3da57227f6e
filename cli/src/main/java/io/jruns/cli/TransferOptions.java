package io.jruns.cli;

import io.jruns.store.Progress;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import io.jruns.transfer.Selection;

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

    static String shown(String uri, CliContext context) {
        return TrackingUri.resolve(uri, context.environment().variables()).toString();
    }
}
