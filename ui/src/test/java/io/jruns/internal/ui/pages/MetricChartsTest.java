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
}
