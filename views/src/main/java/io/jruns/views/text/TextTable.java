package io.jruns.views.text;

import io.jruns.domain.TextWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for consoles and nbconvert's text output: columns two spaces apart,
 * numeric columns right-aligned, no trailing blanks, one line per row (cells are made one
 * line by {@link #cell}). The command line and the notebook views print through this one.
 */
public final class TextTable {
    /** What a cell shows for a missing value. */
    public static final String NONE = "-";

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private boolean showHeaders = true;

    /** A two-column "field  value" block reads better without a header line. */
    public TextTable withoutHeaders() {
        showHeaders = false;
        return this;
    }

    public TextTable column(String header) {
        return column(header, false);
    }

    public TextTable column(String header, boolean numeric) {
        headers.add(header);
        rightAligned.add(numeric);
        return this;
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line ending in a newline. */
    public String render() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = showHeaders ? TextWidth.of(headers.get(c)) : 0;
            for (List<String> r : rows) width[c] = Math.max(width[c], TextWidth.of(r.get(c))); // cells, not chars: CJK
        }
        StringBuilder b = new StringBuilder();
        if (showHeaders) line(b, headers, width);
        for (List<String> r : rows) line(b, r, width);
        return b.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private void line(StringBuilder b, List<String> cells, int[] width) {
        int start = b.length();
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            String gap = " ".repeat(width[c] - TextWidth.of(s));
            if (c > 0) b.append("  ");
            if (rightAligned.get(c)) b.append(gap).append(s);
            else b.append(s).append(gap);
        }
        int end = b.length();
        while (end > start && b.charAt(end - 1) == ' ') end--;
        b.setLength(end);
        b.append('\n');
    }

    /** {@link #NONE} for an empty or null text: a table never shows a blank where a value is missing. */
    public static String orNone(String s) {
        return s == null || s.isEmpty() ? NONE : s;
    }

    /**
     * A value as one cell: at most {@code max} characters, line breaks and tabs shown escaped,
     * other control characters as "?", the rest cut with "…"; {@link #NONE} for null.
     */
    public static String cell(String s, int max) {
        if (s == null) return NONE;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return b.length() <= max ? b.toString() : b.substring(0, max - 1) + "…";
    }
}
