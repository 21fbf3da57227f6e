package io.jruns.bench.child;

import java.util.Arrays;

/** Order statistics of a sample (nearest-rank percentiles; the median averages the middle pair). */
public record Stats(int n, double min, double median, double p90, double p99, double max) {

    public static Stats of(double[] sample) {
        if (sample.length == 0) throw new IllegalArgumentException("no samples");
        double[] s = sample.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Stats(n, s[0], median, rank(s, 0.90), rank(s, 0.99), s[n - 1]);
    }

    public static Stats of(long[] sample) {
        return of(Arrays.stream(sample).asDoubleStream().toArray());
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
