package io.jruns.views;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jruns.views.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run a plot cannot place is named in a caption with the reason, and titles count what is drawn. */
class OmittedRunsTest {
    /** Six runs: one with loss = Infinity, one named with markup and loss NaN, one without loss. */
    static RunComparison six() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) runs.add(run("ok-" + i, Map.of("lr", "0.0" + (i + 1), "l2", "0." + i), Map.of("loss", 1.0 + i), Map.of()));
        runs.add(run("inf", Map.of("lr", "0.05", "l2", "0.5"), Map.of("loss", Double.POSITIVE_INFINITY), Map.of()));
        runs.add(run(PlotsTest.HOSTILE, Map.of("lr", "0.06", "l2", "0.6"), Map.of("loss", Double.NaN), Map.of()));
        runs.add(run("no-loss", Map.of("lr", "0.07", "l2", "0.7"), Map.of("acc", 0.5), Map.of()));
        return RunComparison.of(runs, id -> id, (id, key) -> {
            Run r = runs.stream().filter(x -> x.runId().equals(id)).findFirst().orElseThrow();
            return List.of(new Metric(key, r.data().metrics().get(key).latestMetric().value(), 0, 0));
        });
    }

    @Test
    void scatterNamesTheRunsItLeftOutAndWhy() throws Exception {
        String svg = six().scatter("lr", "loss");
        save("scatter-omitted.svg", svg);
        assertEquals(3, SvgDocs.count(svg, "circle"));
        assertTrue(svg.contains("over 3 of 6 runs"), "the title counts what is drawn");
        assertCaption(svg);
    }

    @Test
    void scatterAxesAndColoursSpanTheDrawnPointsOnly() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) runs.add(run("ok-" + i, Map.of("lr", "0.0" + (i + 1)), Map.of("rmse", 1.0 + i), Map.of()));
        runs.add(run("failed", Map.of(), Map.of("rmse", 9.0), Map.of())); // no lr: not drawn
        runs.add(run("far", Map.of("lr", "0.9"), Map.of("rmse", Double.NaN), Map.of())); // NaN: not drawn either
        String svg = RunComparison.of(runs, id -> id, (id, k) -> List.of()).scatter("lr", "rmse", "rmse");
        assertEquals(3, SvgDocs.count(svg, "circle"));
        assertEquals(List.of("1", "1.5", "2", "2.5", "3"), labels(svg, "end"), "the y axis: rmse of the drawn runs");
        assertFalse(labels(svg, "middle").contains("0.9"), "the x axis stops at the drawn runs' lr: " + labels(svg, "middle"));
        assertFalse(labels(svg, "start").contains("9"), "the colour bar too: " + labels(svg, "start"));
    }

    /** Tick labels with this anchor: y ticks end, x ticks middle, colour bar ticks start. */
    private static List<String> labels(String svg, String anchor) {
        var m = java.util.regex.Pattern.compile("text-anchor=\"" + anchor + "\" fill=\"currentColor\">([^<]*)</text>").matcher(svg);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void contourNamesTheRunsItLeftOut() {
        String svg = six().contour("lr", "l2", "loss");
        assertTrue(svg.contains(", 3 of 6 runs"), svg);
        assertCaption(svg);
    }

    @Test
    void historyNamesTheRunsWithNothingToDraw() {
        String svg = six().history("loss");
        assertEquals(3, SvgDocs.count(svg, "path") + SvgDocs.count(svg, "circle"));
        assertTrue(svg.contains("loss by step for 3 of 6 runs"), svg);
        assertTrue(svg.contains("inf (every loss is NaN or infinite)"), svg);
        assertTrue(svg.contains("no-loss (no loss)"), svg);
    }

    @Test
    void parallelNamesARunWithNoValueOnAnyAxis() {
        String svg = six().parallel(List.of("loss"), null);
        assertTrue(svg.contains("Parallel coordinates of 3 of 6 runs"), svg);
        assertCaption(svg);
    }

    @Test
    void aCaptionTooLongForThreeLinesSaysHowManyMoreAndKeepsAllInItsTooltip() {
        List<Run> runs = new ArrayList<>();
        runs.add(run("drawn", Map.of(), Map.of("x", 1.0, "y", 1.0), Map.of()));
        for (int i = 0; i < 40; i++) runs.add(run("a-rather-long-run-name-" + i, Map.of(), Map.of("x", Double.NaN, "y", 1.0), Map.of()));
        String svg = RunComparison.of(runs, id -> id, (id, k) -> List.of()).scatter("x", "y");
        org.w3c.dom.Element caption = caption(svg);
        assertEquals(3, caption.getElementsByTagName("text").getLength());
        assertTrue(caption.getTextContent().matches("(?s).* and \\d+ more.*"), caption.getTextContent());
        assertTrue(caption.getTextContent().contains("a-rather-long-run-name-39 (x is NaN)"), "the tooltip has every run");
    }

    @Test
    void aPlotWithEveryRunDrawnHasNoCaption() {
        String svg = PlotsTest.grid(4).scatter("lr", "rmse");
        assertFalse(svg.contains("jruns-omitted"));
        assertTrue(svg.contains("over 4 runs"));
    }

    static void assertCaption(String svg) {
        String text = caption(svg).getTextContent();
        assertTrue(text.contains("inf (loss is Infinity)"), text);
        assertTrue(text.contains(PlotsTest.HOSTILE + " (loss is NaN)"), "the name survives, as text: " + text);
        assertTrue(text.contains("no-loss (no loss)"), text);
        assertFalse(text.contains("ok-"), text);
        PlotsTest.assertSafe(svg);
    }

    static org.w3c.dom.Element caption(String svg) {
        org.w3c.dom.NodeList gs = SvgDocs.parse(svg).getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) gs.item(i);
            if ("jruns-omitted".equals(g.getAttribute("class"))) return g;
        }
        throw new AssertionError("no caption of omitted runs in " + svg);
    }

    /** With -Djruns.plotsDir=DIR the plots are written there, to look at in a browser. */
    static void save(String name, String svg) throws Exception {
        String dir = System.getProperty("jruns.plotsDir");
        if (dir != null) Files.writeString(Path.of(dir, name), svg);
    }
}
