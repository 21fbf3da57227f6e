package io.jruns.cli;

import io.jruns.domain.Metric;
import io.jruns.views.format.Format;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/**
 * A metric history laid out as {@link io.jruns.views.text.TextTable} lays it out, written a
 * row at a time: a million points are not held a second time as text (TextTable keeps every
 * cell to size its columns; here a first pass sizes them).
 */
final class HistoryTable {
    private HistoryTable() {
    }

    static void write(List<Metric> history, ZoneId zone, PrintStream out) {
        int step = "step".length();
        int time = "timestamp".length();
        int value = "value".length();
        for (Metric m : history) {
            step = Math.max(step, Long.toString(m.step()).length());
            time = Math.max(time, Format.timeMillis(m.timestamp(), zone).length());
            value = Math.max(value, Format.exact(m.value()).length());
        }
        StringBuilder b = new StringBuilder(step + time + value + 8);
        out.print(line(b, "step", "timestamp", "value", step, time, value));
        for (Metric m : history) {
            out.print(line(b, Long.toString(m.step()), Format.timeMillis(m.timestamp(), zone), Format.exact(m.value()), step, time, value));
        }
        out.flush();
    }

    /** Step and value right-aligned, the time left, two spaces between, no trailing blanks. */
    private static StringBuilder line(StringBuilder b, String s, String t, String v, int ws, int wt, int wv) {
        b.setLength(0);
        b.append(" ".repeat(ws - s.length())).append(s).append("  ").append(t).append(" ".repeat(wt - t.length()))
                .append("  ").append(" ".repeat(wv - v.length())).append(v).append('\n');
        return b;
    }
}
