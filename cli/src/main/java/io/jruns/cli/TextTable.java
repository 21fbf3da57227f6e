package io.jruns.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Plain text columns separated by two spaces; numeric columns right-aligned; no trailing blanks. */
final class TextTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private boolean showHeaders = true;

    /** A two-column "field  value" block reads better without a header line. */
    TextTable withoutHeaders() {
        showHeaders = false;
        return this;
    }

    TextTable column(String header) {
        return column(header, false);
    }

    TextTable column(String header, boolean numeric) {
        headers.add(header);
        rightAligned.add(numeric);
        return this;
    }

    TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    TextTable row(String... cells) {
        return row(List.of(cells));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = showHeaders ? headers.get(c).length() : 0;
            for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
        }
        if (showHeaders) out.println(line(headers, width));
        for (List<String> r : rows) out.println(line(r, width));
    }

    private String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            String gap = " ".repeat(width[c] - s.length());
            if (c > 0) b.append("  ");
            if (rightAligned.get(c)) b.append(gap).append(s);
            else b.append(s).append(c == cells.size() - 1 ? "" : gap);
        }
        return b.toString().stripTrailing();
    }
}
