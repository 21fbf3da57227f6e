package io.jruns.cli;

import io.jruns.domain.Metric;
import io.jruns.views.format.Format;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

/**
 * A metric history laid out as {@link io.jruns.views.text.TextTable} lays it out, written a
 * row at a time: TextTable keeps every cell of a million rows as text to size its columns;
 * here only the values are kept (formatting an exact double is the costly part), and the
 * steps and times are formatted as they are written.
 */
final class HistoryTable {
    private HistoryTable() {
    }

    static void write(List<Metric> history, ZoneId zone, PrintStream out) {
        int step = "step".length();
        int time = "timestamp".length();
        int value = "value".length();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String[] values = new String[history.size()]; // formatted once: exact doubles are the costly cells
        for (int i = 0; i < values.length; i++) {
            Metric m = history.get(i);
            step = Math.max(step, Long.toString(m.step()).length());
            values[i] = Format.exact(m.value());
            value = Math.max(value, values[i].length());
            first = Math.min(first, m.timestamp());
            last = Math.max(last, m.timestamp());
        }
        // a time's text grows only with its year's digits: the earliest and latest give the width
        if (!history.isEmpty()) {
            time = Math.max(time, Math.max(Format.timeMillis(first, zone).length(), Format.timeMillis(last, zone).length()));
        }
        StringBuilder b = new StringBuilder(step + time + value + 8);
        out.print(line(b, "step", "timestamp", "value", step, time, value));
        for (int i = 0; i < values.length; i++) {
            Metric m = history.get(i);
            out.print(line(b, Long.toString(m.step()), Format.timeMillis(m.timestamp(), zone), values[i], step, time, value));
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
