package io.jruns.views.html;

import io.jruns.views.RunComparison;
import io.jruns.domain.Run;
import io.jruns.views.Rendered;
import io.jruns.views.Runs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareViewTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    final Run a = Runs.run("a", Map.of("lr", "0.1", "epochs", "5"), Map.of("rmse", 0.5), Map.of());
    final Run b = Runs.run(HOSTILE, Map.of("lr", "0.01", "epochs", "5"), Map.of("rmse", 0.4), Map.of());
    final RunComparison c = RunComparison.of(List.of(a, b), id -> "exp", (id, k) -> List.of());

    static CompareView.Context ctx() {
        return new CompareView.Context("exp", null, 1_700_000_100_000L, Map.of());
    }

    static List<String> rowKeys(Document d, int table) {
        Element t = Xhtml.all(d, "table").get(table);
        return Xhtml.withClass(d, "th", "jr-k").stream().filter(th -> t.isSameNode(th.getParentNode().getParentNode().getParentNode()))
                .map(Element::getTextContent).toList();
    }

    @Test
    void tablesHaveARowPerKeyAndAColumnPerRunAndMarkDifferences() {
        Rendered o = CompareView.render(c, new CompareView.Show(true, false), List.of(), ctx());
        Document d = Xhtml.parse(o.html());
        assertEquals(List.of(), Xhtml.all(d, "img"));
        assertEquals(3, Xhtml.all(d, "table").size(), "details, params, metrics");
        assertEquals(List.of("epochs", "lr"), rowKeys(d, 1));
        assertEquals(2, Xhtml.withClass(d, "tr", "jr-diff").size(), "lr and rmse differ");
        assertEquals(1, Xhtml.withClass(d, "tr", "jr-same").size(), "epochs is the same");
        assertTrue(o.text().contains("Parameters: 1 of 2 differ"), o.text());
    }

    @Test
    void diffOnlyHidesEqualRowsAndPlotsOnlyHidesTables() {
        Document d = Xhtml.parse(CompareView.render(c, new CompareView.Show(true, true), List.of(), ctx()).html());
        assertEquals(List.of("lr"), rowKeys(d, 1));
        String svg = c.parallel();
        Document plots = Xhtml.parse(CompareView.render(c, new CompareView.Show(false, false),
                List.of(new CompareView.Plot("Parallel coordinates", svg, "[plot]")), ctx()).html());
        assertEquals(0, Xhtml.all(plots, "table").size());
        assertEquals(1, Xhtml.all(plots, "svg").size());
    }
}
