package io.jruns.internal.ui.pages;

import io.jruns.domain.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart labels short enough for the chart's margin, and one x label for one point. */
class MetricChartsTest {
    @ParameterizedTest(name = "{0} (ticks {1} apart) -> {2}")
    @CsvSource({
            "0.00744658, 0.0005, 0.00745",
            "0.25,       0.05,   0.25",
            "12.5,       2.5,    12.5",
            "250,        50,     250",
            "1500,       500,    1500",
            "0.0,        0.1,    0",
            "-0.0001,    0.001,  -0.0001",
            "123456789,  1000,   1.23e+08",
            "0.00001234, 0.000001, 1.23e-05"})
    void yTicksAreShort(double v, double step, String label) {
        assertEquals(label, MetricCharts.tick(v, step));
        assertTrue(label.length() <= 10, "fits the 64 px margin at 10 px: " + label);
    }

    @Test
    void onePointHasOneXLabel() {
        String svg = MetricCharts.chart(MetricCharts.series("loss", List.of(new Metric("loss", 0.5, 1, 0)), false), false);
        assertEquals(1, svg.split("y=\"190\"", -1).length - 1, "one x label, not 0 and 0: " + svg);
        assertTrue(svg.contains("text-anchor=\"middle\">0</text>"), svg);
        assertTrue(svg.contains("data-pts=\"305.0,") && svg.contains("d=\"M305.0 "), "the point, its hover and its label line up: " + svg);
    }

    @Test
    void pointsAllAtOneTimeAreDrawnAsDots() {
        long t = 1_700_000_000_000L;
        List<Metric> h = List.of(new Metric("acc", 0.1, t, 0), new Metric("acc", 0.5, t, 1), new Metric("acc", 0.9, t, 2));
        String svg = MetricCharts.chart(MetricCharts.series("acc", h, true), true);
        assertEquals(3, svg.split("<circle class=\"jr-dot\"", -1).length - 1, "a dot per value, the line has no length: " + svg);
        List<Metric> same = List.of(new Metric("acc", 0.5, t, 0), new Metric("acc", 0.5, t, 1));
        String flat = MetricCharts.chart(MetricCharts.series("acc", same, true), true);
        assertEquals(1, flat.split("<circle class=\"jr-dot\"", -1).length - 1, "one dot where the points coincide: " + flat);
    }

    @Test
    void aSubSecondRunsTimeTicksShowMilliseconds() {
        long t = 1_700_000_000_000L;
        List<Metric> h = List.of(new Metric("loss", 1, t, 0), new Metric("loss", 0.5, t + 400, 1), new Metric("loss", 0.2, t + 800, 2));
        String svg = MetricCharts.chart(MetricCharts.series("loss", h, true), true);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        for (long at : new long[]{t, t + 400, t + 800}) {
            String label = io.jruns.views.format.Format.timeMillis(at, zone);
            assertTrue(svg.contains(">" + label + "</text>"), "tick " + label + " in " + svg);
        }
        List<Metric> long_ = List.of(new Metric("loss", 1, t, 0), new Metric("loss", 0.2, t + 60_000, 1));
        String minute = MetricCharts.chart(MetricCharts.series("loss", long_, true), true);
        assertTrue(minute.contains(">" + io.jruns.views.format.Format.time(t) + "</text>"), "seconds are enough for a minute: " + minute);
    }
}
