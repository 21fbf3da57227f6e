package io.jruns.views;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jruns.views.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every plot is well-formed SVG with one mark per run, and user text never becomes markup. */
class PlotsTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static RunComparison grid(int n) {
        List<Run> runs = new ArrayList<>();
        String[] opt = {"adam", "sgd", HOSTILE};
        for (int i = 0; i < n; i++) {
            double lr = Math.pow(10, -1 - (i % 4));
            double l2 = (i / 4) * 0.05;
            runs.add(run(i == 0 ? HOSTILE : "run " + i, Map.of("lr", String.valueOf(lr), "l2", String.valueOf(l2), "opt", opt[i % 3]),
                    Map.of("rmse", 1 + Math.log10(lr) * Math.log10(lr) / 10 + l2), Map.of()));
        }
        return RunComparison.of(runs, id -> id, (id, key) -> {
            List<Metric> h = new ArrayList<>();
            for (int s = 0; s < 30; s++) h.add(new Metric(key, 1.0 / (s + 1), s, s));
            return h;
        });
    }

    @Test
    void parallelCoordinatesDrawALinePerRunWithCategoricalAndLogAxes() {
        RunComparison c = grid(12);
        String svg = c.parallel();
        assertEquals(12, SvgDocs.count(svg, "path"));
        assertTrue(svg.contains(">lr (log)</text>"), "lr spans three decades: a log axis");
        assertTrue(svg.contains(">adam</text>") && svg.contains(">sgd</text>"), "optimizer values label a categorical axis");
        assertSafe(svg);
    }

    @Test
    void parallelAxesCanBeChosenAndARunMissingAValueStartsAtItsFirstValue() {
        RunComparison c = grid(4);
        Run partial = run("partial", Map.of("opt", "sgd"), Map.of("rmse", 2.0), Map.of());
        RunComparison more = RunComparison.of(List.of(c.runs().get(1), c.runs().get(2), partial), id -> id, (id, k) -> List.of());
        String svg = more.parallel(List.of("lr", "opt", "rmse"), "rmse");
        assertEquals(3, SvgDocs.count(svg, "path"));
        org.w3c.dom.NodeList paths = SvgDocs.parse(svg).getElementsByTagName("path");
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((org.w3c.dom.Element) paths.item(i)).getAttribute("d");
            starts.add(Double.parseDouble(d.substring(1, d.indexOf(' '))));
        }
        assertEquals(starts.get(0), starts.get(1), "complete runs start on the first axis");
        assertTrue(starts.get(2) > starts.get(0), "the run without lr starts on the second axis: " + starts);
    }

    @Test
    void scatterDrawsAPointPerRunThatHasBothValues() {
        RunComparison c = grid(10);
        String svg = c.scatter("lr", "rmse", "rmse");
        assertEquals(10, SvgDocs.count(svg, "circle"));
        assertSafe(svg);
    }

    @Test
    void contourDrawsASurfaceAColourScaleAndThePoints() {
        RunComparison c = grid(12);
        String svg = c.contour("lr", "l2", "rmse");
        assertEquals(12, SvgDocs.count(svg, "circle"));
        assertTrue(SvgDocs.elements(svg, "rect") > 24 + 20, "bands of the surface and the colour bar");
        assertTrue(svg.contains("stroke=\"#fff\" stroke-opacity=\"0.55\""), "isolines");
        assertSafe(svg);
    }

    @Test
    void contourWithTooFewRunsSaysSoInsteadOfInventingASurface() {
        RunComparison c = grid(2);
        String svg = c.contour("lr", "l2", "rmse");
        assertTrue(svg.contains("a surface needs at least 3 runs"), svg);
        assertEquals(2, SvgDocs.count(svg, "circle"));
    }

    @Test
    void historyDrawsALinePerRunAndALegend() {
        RunComparison c = grid(3);
        String svg = c.history("rmse");
        assertEquals(3, SvgDocs.count(svg, "path"));
        assertTrue(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "the legend escapes names");
        assertSafe(svg);
    }

    /** No element or attribute came from user text. */
    static void assertSafe(String svg) {
        Document d = SvgDocs.parse(svg);
        assertEquals(0, d.getElementsByTagName("img").getLength());
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertFalse(svg.contains("<img"));
    }
}
