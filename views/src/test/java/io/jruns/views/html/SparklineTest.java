package io.jruns.views.html;

import io.jruns.domain.Metric;
import io.jruns.views.series.Downsample;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparklineTest {
    /** The auditor's loss: 20,000 points falling from 1.0 at step 0, with 50.0 at step 7777. */
    static List<Metric> spikyLoss() {
        List<Metric> h = new ArrayList<>();
        for (int s = 0; s < 20_000; s++) {
            double v = s == 0 ? 1.0 : s == 7777 ? 50.0 : 0.1 + 0.2 * Math.exp(-s / 3000.0) + 0.01 * ((s * 7919) % 13) / 13.0;
            h.add(new Metric("loss", v, 1_700_000_000_000L + s, s));
        }
        return h;
    }

    /** The path's points as {x, y}. */
    static List<double[]> points(String svg) {
        Element path = Xhtml.all(Xhtml.parse(svg), "path").get(0);
        List<double[]> out = new ArrayList<>();
        for (String p : path.getAttribute("d").substring(1).split("L")) {
            String[] xy = p.trim().split(" ");
            out.add(new double[]{Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    static String label(String svg) {
        return Xhtml.all(Xhtml.parse(svg), "svg").get(0).getAttribute("aria-label");
    }

    @Test
    void aSpikeAndTheFirstAndLastPointsSurviveThinning() {
        List<Metric> h = spikyLoss();
        Collections.shuffle(h, new java.util.Random(14)); // any order: the sparkline sorts by step
        String svg = Sparkline.svg(h, h.size());
        List<double[]> pts = points(svg);
        assertTrue(pts.size() <= 2 * Sparkline.COLUMNS + 2, "a small SVG: " + pts.size() + " points");
        double spikeX = 2 + 7777 / 19_999.0 * Sparkline.COLUMNS;
        assertTrue(pts.stream().anyMatch(p -> Math.abs(p[0] - spikeX) < 0.1 && p[1] == 3), "the spike at the top: " + svg);
        assertEquals(2, pts.get(0)[0], "starts at step 0");
        assertEquals(18.7, pts.get(0)[1], 0.05, "at 1.0, the fall from it drawn");
        assertEquals(98, pts.get(pts.size() - 1)[0], "ends at the last step");
        assertTrue(pts.stream().filter(p -> p[1] < 18.5).count() == 1, "only the spike stands out");
        assertEquals("history of 20,000 points, sampled to " + pts.size() + " (each pixel's lowest and highest)", label(svg));
    }

    /** The UI hands over the chart's thinned series (1,000 points) and the logged count. */
    @Test
    void aHistoryThinnedByTheCallerKeepsItsTrueCountAndItsSpike() {
        List<Metric> h = spikyLoss();
        List<Metric> chart = Downsample.minMax(h, Metric::step, 1000);
        String svg = Sparkline.svg(chart, 20_000);
        assertTrue(label(svg).startsWith("history of 20,000 points, sampled to "), label(svg));
        assertTrue(points(svg).stream().anyMatch(p -> p[1] == 3), "the spike at the top");
    }

    @Test
    void aShortHistoryIsDrawnWholeAndNotCalledASample() {
        List<Metric> h = new ArrayList<>();
        for (int s = 0; s < 40; s++) h.add(new Metric("loss", 1.0 / (s + 1), s, s));
        String svg = Sparkline.svg(h, 40);
        assertEquals(40, points(svg).size());
        assertEquals("history of 40 points", label(svg));
        assertFalse(svg.contains("sampled"));
    }
}
