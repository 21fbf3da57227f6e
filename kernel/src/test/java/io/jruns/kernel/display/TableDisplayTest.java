package io.jruns.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableDisplayTest {
    @Test
    void aTableShowsAsAnEscapedHtmlTableWithTextFallback() {
        Table t = Table.create("runs", StringColumn.create("run_name", "<img src=x onerror=alert(1)>", "b"),
                DoubleColumn.create("metrics.r2", 0.5, 0.75));
        assertTrue(TableDisplay.handles(t));
        assertFalse(TableDisplay.handles("not a table"));
        DisplayData d = TableDisplay.render(t);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">0.75</td>"), html);
        assertTrue(html.contains("2 rows &times; 2 columns"), html);
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).contains("metrics.r2"));
    }

    @Test
    void longTablesShowHeadAndTail() {
        Table t = Table.create("big", DoubleColumn.create("x", IntStream.range(0, 1000).asDoubleStream().toArray()));
        String html = TableDisplay.html(t);
        assertEquals(TableDisplay.HEAD + TableDisplay.TAIL + 1, html.split("<tr><t[hd]>", -1).length - 2);
        assertTrue(html.contains("<th>999</th>") && html.contains("<th>19</th>") && !html.contains("<th>20</th>"), html);
        assertTrue(html.contains("1000 rows"), html);
    }
}
