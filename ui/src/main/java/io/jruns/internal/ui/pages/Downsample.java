package io.jruns.internal.ui.pages;

import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Thins a long metric history for a chart with min/max bucketing: the x range is cut into
 * equal buckets and each keeps its lowest and highest point, in x order. Chosen over LTTB
 * because it never drops an extreme (a loss spike stays visible, and the chart agrees with the
 * table's min and max), it is one pass with no floating-point area sums, and a bucket narrower
 * than a pixel draws the same vertical stroke the full history would.
 */
final class Downsample {
    private Downsample() {
    }

    /**
     * At most {@code maxPoints} points (2 per bucket) of {@code sorted} (sorted by {@code x}, finite
     * values only); a history that already fits is returned as it is.
     */
    static List<Metric> minMax(List<Metric> sorted, ToLongFunction<Metric> x, int maxPoints) {
        int n = sorted.size();
        if (n <= maxPoints) return sorted;
        int buckets = Math.max(1, maxPoints / 2);
        long x0 = x.applyAsLong(sorted.get(0));
        long x1 = x.applyAsLong(sorted.get(n - 1));
        double width = (double) (x1 - x0 + 1) / buckets;
        List<Metric> out = new ArrayList<>(2 * buckets);
        int bucket = -1;
        Metric lo = null;
        Metric hi = null;
        for (Metric m : sorted) {
            int b = (int) Math.min(buckets - 1, (x.applyAsLong(m) - x0) / width);
            if (b != bucket) {
                flush(out, lo, hi, x);
                lo = hi = null;
                bucket = b;
            }
            if (lo == null || m.value() < lo.value()) lo = m;
            if (hi == null || m.value() > hi.value()) hi = m;
        }
        flush(out, lo, hi, x);
        return out;
    }

    private static void flush(List<Metric> out, Metric lo, Metric hi, ToLongFunction<Metric> x) {
        if (lo == null) return;
        if (lo == hi) {
            out.add(lo);
        } else if (x.applyAsLong(lo) <= x.applyAsLong(hi)) {
            out.add(lo);
            out.add(hi);
        } else {
            out.add(hi);
            out.add(lo);
        }
    }
}
