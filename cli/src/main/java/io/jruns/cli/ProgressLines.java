package io.jruns.cli;

import io.jruns.store.Progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of long work on stderr, one way for every command: {@code jruns export: 1,000/5,000
 * runs exported}, at most once a tenth of the way and at the end; silent for work of at most
 * {@code quietUpTo} items of a known total.
 */
final class ProgressLines implements Progress {
    private final PrintStream err;
    private final String command;
    private final long quietUpTo;
    private long shown = -1;

    ProgressLines(PrintStream err, String command, long quietUpTo) {
        this.err = err;
        this.command = command;
        this.quietUpTo = quietUpTo;
    }

    @Override
    public void update(String what, long done, long total) {
        if (total >= 0 && total <= quietUpTo) return;
        long tenth = total > 0 ? done * 10 / total : done;
        if (tenth == shown && done != total) return;
        shown = tenth;
        err.println(total < 0 ? String.format(Locale.ROOT, "jruns %s: %,d %s", command, done, what)
                : String.format(Locale.ROOT, "jruns %s: %,d/%,d %s", command, done, total, what));
    }
}
