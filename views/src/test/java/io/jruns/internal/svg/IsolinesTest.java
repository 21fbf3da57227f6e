package io.jruns.internal.svg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IsolinesTest {
    @Test
    void aRampCrossesItsMiddleLevelHalfwayAlongEachCell() {
        // values rise left to right: 0, 1, 2 in every row; level 0.5 crosses between columns 0 and 1
        double[][] v = {{0, 1, 2}, {0, 1, 2}};
        assertEquals("M5 0L5 10", Isolines.path(v, 0.5, 0, 10, 0, 10));
    }

    @Test
    void noCrossingNoLine() {
        assertEquals("", Isolines.path(new double[][]{{1, 1}, {1, 1}}, 5, 0, 1, 0, 1));
    }

    @Test
    void aSaddleIsSplitByTheCellMean() {
        // high corners top-left and bottom-right; the mean (0.5) is below 0.6, so the high corners are cut off
        double[][] v = {{1, 0}, {0, 1}};
        String d = Isolines.path(v, 0.6, 0, 10, 0, 10);
        assertEquals(2, d.chars().filter(c -> c == 'M').count(), d);
    }

    @Test
    void idwIsExactAtSamplesAndStaysInTheirRange() {
        Idw idw = new Idw(new double[]{0, 1, 0}, new double[]{0, 0, 1}, new double[]{1, 3, 5});
        assertEquals(3, idw.at(1, 0));
        double mid = idw.at(0.4, 0.4);
        assertEquals(true, mid > 1 && mid < 5);
    }
}
