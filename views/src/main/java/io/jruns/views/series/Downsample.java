package io.jruns.views.series;

import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Thins a long metric history for a chart with min/max bucketing: the x range is cut into
 * equal buckets and each keeps its lowest and highest point, in x order, and the first and
 * last points are always kept (where the line starts, and the latest value). Chosen over LTTB
 * because it never drops an extreme (a loss spike stays visible, and the chart agrees with the
 * table's min and max), it is one pass with no floating-point area sums, and a bucket narrower
 * than a pixel draws the same vertical stroke the full history would. The run page's
 * sparklines (one bucket per pixel) and the UI's metric charts both draw through this.
 */
public final class Downsample {
    private Downsample() {
    }

    /**
     * At most {@code maxPoints} points (at least 4) of {@code sorted} (sorted by {@code x},
     * finite values only): 2 per bucket, plus the first and last; a history that already fits
     * is returned as it is.
     */
    public static List<Metric> minMax(List<Metric> sorted, ToLongFunction<Metric> x, int maxPoints) {
        int n = sorted.size();
        if (n <= maxPoints) return sorted;
        int buckets = Math.max(1, (maxPoints - 2) / 2);
        Metric first = sorted.get(0);
        Metric last = sorted.get(n - 1);
        long x0 = x.applyAsLong(first);
        long x1 = x.applyAsLong(last);
        double width = (double) (x1 - x0 + 1) / buckets;
        List<Metric> out = new ArrayList<>(2 * buckets + 2);
        out.add(first);
        int bucket = -1;
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            Metric m = sorted.get(i);
            int b = (int) Math.min(buckets - 1, (x.applyAsLong(m) - x0) / width);
            if (b != bucket) {
                flush(out, sorted, lo, hi);
                lo = hi = i;
                bucket = b;
            }
            if (m.value() < sorted.get(lo).value()) lo = i;
            if (m.value() > sorted.get(hi).value()) hi = i;
        }
        flush(out, sorted, lo, hi);
        if (hi != n - 1 && lo != n - 1) out.add(last);
        return out;
    }

    /** A bucket's lowest and highest point in the history's order; the first point is in already. */
    private static void flush(List<Metric> out, List<Metric> sorted, int lo, int hi) {
        if (lo < 0) return;
        int a = Math.min(lo, hi);
        int b = Math.max(lo, hi);
        if (a > 0) out.add(sorted.get(a));
        if (b > a) out.add(sorted.get(b));
    }
}
