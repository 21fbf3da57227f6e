package io.jruns.internal.ui.pages;

import io.jruns.views.html.Html;

import java.util.ArrayList;
import java.util.List;

/** The first rows of a CSV (or TSV) artifact as a table; quoted fields may hold separators and newlines. */
final class CsvPreview {
    static final int ROWS = 100;

    private CsvPreview() {
    }

    static String html(String text, char sep) {
        List<List<String>> rows = parse(text, sep, ROWS + 2);
        if (rows.isEmpty()) return "<div class=\"jr-dim\">Empty file.</div>";
        StringBuilder h = new StringBuilder("<div class=\"jr-scroll\"><table class=\"jr-t jr-csv\"><thead><tr>");
        for (String c : rows.get(0)) Html.append(h.append("<th>"), c).append("</th>");
        h.append("</tr></thead><tbody>");
        int shown = Math.min(ROWS, rows.size() - 1);
        for (int i = 1; i <= shown; i++) {
            h.append("<tr>");
            for (String c : rows.get(i)) Html.append(h.append("<td>"), c).append("</td>");
            h.append("</tr>");
        }
        h.append("</tbody></table></div>");
        if (rows.size() - 1 > ROWS) h.append("<div class=\"jr-more\">The first ").append(ROWS).append(" rows; download the file for all.</div>");
        return h.toString();
    }

    /** At most {@code max} records. */
    static List<List<String>> parse(String text, char sep, int max) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n && rows.size() < max) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < n && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == sep) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (rows.size() < max && (field.length() > 0 || !row.isEmpty())) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
