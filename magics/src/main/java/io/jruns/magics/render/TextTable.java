package io.jruns.magics.render;

import java.util.List;

/** A plain-text table with aligned columns, for consoles and nbconvert's text output. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(String title, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) width[c] = header.get(c).length();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) width[c] = Math.max(width[c], row.get(c).length());
        }
        StringBuilder b = new StringBuilder(title).append('\n');
        line(b, header, width);
        for (int c = 0; c < width.length; c++) b.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        b.append('\n');
        for (List<String> row : rows) line(b, row, width);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) b.append("  ");
            String s = cells.get(c);
            b.append(s).append(" ".repeat(width[c] - s.length()));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') end--;
        b.setLength(end);
        b.append('\n');
    }
}
