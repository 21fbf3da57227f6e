package io.jruns.views.series;

import io.jruns.domain.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsampleTest {
    @Test
    void keepsEachBucketsExtremesInOrderAndAtMostTheLimit() {
        List<Metric> h = new ArrayList<>();
        for (int s = 0; s < 100_000; s++) h.add(new Metric("m", Math.sin(s / 500.0) + (s == 4242 ? 9 : 0) - (s == 90_001 ? 9 : 0), s, s));
        List<Metric> out = Downsample.minMax(h, Metric::step, 1000);
        assertTrue(out.size() <= 1000 && out.size() >= 990, "size " + out.size());
        assertTrue(out.stream().anyMatch(m -> m.step() == 4242), "the spike up is kept");
        assertTrue(out.stream().anyMatch(m -> m.step() == 90_001), "the spike down is kept");
        for (int i = 1; i < out.size(); i++) assertTrue(out.get(i - 1).step() < out.get(i).step(), "in step order");
        assertEquals(0, out.get(0).step());
        assertEquals(99_999, out.get(out.size() - 1).step());
    }

    /** A falling loss: the first and last points are neither extreme of their bucket, yet kept. */
    @Test
    void keepsTheFirstAndLastPointsWhereverTheExtremesAre() {
        List<Metric> h = new ArrayList<>();
        for (int s = 0; s < 20_000; s++) h.add(new Metric("loss", s == 0 ? 0.5 : s == 19_999 ? 0.3 : 0.1 + (s % 7) * 0.1, s, s));
        for (int max : List.of(4, 5, 194, 1000)) {
            List<Metric> out = Downsample.minMax(h, Metric::step, max);
            assertTrue(out.size() <= max, max + ": size " + out.size());
            assertSame(h.get(0), out.get(0), max + ": the first point");
            assertSame(h.get(19_999), out.get(out.size() - 1), max + ": the last point");
            for (int i = 1; i < out.size(); i++) assertTrue(out.get(i - 1).step() < out.get(i).step(), max + ": in step order, once each");
            assertEquals(h.stream().mapToDouble(Metric::value).min().orElseThrow(),
                    out.stream().mapToDouble(Metric::value).min().orElseThrow(), max + ": the lowest");
            assertEquals(h.stream().mapToDouble(Metric::value).max().orElseThrow(),
                    out.stream().mapToDouble(Metric::value).max().orElseThrow(), max + ": the highest");
        }
    }

    @Test
    void aShortHistoryIsLeftAsItIs() {
        List<Metric> h = List.of(new Metric("m", 1, 0, 0), new Metric("m", 2, 1, 1));
        assertSame(h, Downsample.minMax(h, Metric::step, 1000));
    }
}
