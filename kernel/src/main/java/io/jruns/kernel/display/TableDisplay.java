package io.jruns.kernel.display;

import io.jruns.views.html.Html;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * A tablesaw {@code Table} as a notebook shows a data frame: an HTML table (head and tail
 * when long, numbers right-aligned, every cell escaped) and tablesaw's own text as fallback.
 * Chosen by class name, so tablesaw is not loaded until a table is shown.
 */
public final class TableDisplay {
    static final String TABLE_CLASS = "tech.tablesaw.api.Table";
    static final int HEAD = 20;
    static final int TAIL = 5;

    private TableDisplay() {
    }

    public static boolean handles(Object value) {
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(TABLE_CLASS)) return true;
        }
        return false;
    }

    public static DisplayData render(Object value) {
        Table t = (Table) value;
        DisplayData d = new DisplayData(t.print(HEAD + TAIL));
        d.putHTML(html(t));
        return d;
    }

    static String html(Table t) {
        int rows = t.rowCount();
        StringBuilder h = new StringBuilder("<div class=\"jruns-table\"><table><thead><tr><th></th>");
        for (String name : t.columnNames()) h.append("<th>").append(Html.escape(name)).append("</th>");
        h.append("</tr></thead><tbody>");
        boolean cut = rows > HEAD + TAIL;
        for (int r = 0; r < rows; r++) {
            if (cut && r == HEAD) {
                h.append("<tr><td>&hellip;</td>").append("<td>&hellip;</td>".repeat(t.columnCount())).append("</tr>");
                r = rows - TAIL;
            }
            h.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < t.columnCount(); c++) {
                boolean numeric = t.column(c) instanceof NumericColumn;
                h.append(numeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                        .append(Html.escape(t.column(c).getString(r))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><div style=\"color:#888;font-size:smaller\">")
                .append(rows).append(rows == 1 ? " row" : " rows").append(" &times; ").append(t.columnCount())
                .append(" columns</div></div>");
        return h.toString();
    }
}
