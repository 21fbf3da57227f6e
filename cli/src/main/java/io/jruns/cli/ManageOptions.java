package io.jruns.cli;

import io.jruns.domain.JrunsException;
import io.jruns.store.BulkLimits;
import io.jruns.store.Progress;
import io.jruns.store.TimeArg;
import io.jruns.RunManager;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** What the run-managing commands share: typed options, the name scope, progress on stderr. */
final class ManageOptions {
    static final OptionSpec EXPERIMENT = OptionSpec.value("--experiment", "NAME_OR_ID",
            "where run names are looked up (default: every active experiment)");

    private ManageOptions() {
    }

    /** A manager whose run names are looked up in --experiment, else in every active experiment. */
    static RunManager manager(ParsedArgs args, CliContext context) {
        String only = args.value("--experiment");
        return only != null ? context.client().manage(only) : context.client().manage();
    }

    /** A time option (epoch milliseconds, a date, a date-time or an age, as in a notebook), or null when absent. */
    static Long millis(ParsedArgs args, String option) {
        String v = args.value(option);
        if (v == null) return null;
        try {
            return TimeArg.parse(v, System.currentTimeMillis(), args.spec().name() + ": " + option);
        } catch (JrunsException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** --max for bulk work: 1..10,000, null when absent. */
    static Integer maxRuns(ParsedArgs args) {
        String v = args.value("--max");
        if (v == null) return null;
        try {
            return BulkLimits.maxRuns(Integer.parseInt(v.trim()));
        } catch (NumberFormatException | JrunsException e) {
            throw new UsageException(args.spec().name() + ": --max needs a whole number from 1 to 10,000, got '" + v + "'");
        }
    }

    static String plural(long n, String word) {
        return String.format(Locale.ROOT, "%,d %s%s", n, word, n == 1 ? "" : "s");
    }

    /** Progress lines on stderr for bulk work of more than 1,000 runs (more than one chunk). */
    static Progress progress(PrintStream err, String command) {
        return new ProgressLines(err, command, 1000);
    }
}
