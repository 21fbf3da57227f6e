package io.jruns.internal.embedded;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;

import java.util.Arrays;

/**
 * Points of one (run, key) gathered for one commit, in primitive arrays, with their summary
 * kept in primitives too: this is the per-point hot path of the writer.
 */
final class PointBuffer {
    final String key;
    long[] steps = new long[16];
    long[] timestamps = new long[16];
    double[] values = new double[16];
    int size;
    private int latest = -1;
    private double min = Double.NaN;
    private double max = Double.NaN;

    PointBuffer(String key) {
        this.key = key;
    }

    void add(Metric m) {
        if (size == steps.length) {
            int n = size * 2;
            steps = Arrays.copyOf(steps, n);
            timestamps = Arrays.copyOf(timestamps, n);
            values = Arrays.copyOf(values, n);
        }
        double v = m.value();
        steps[size] = m.step();
        timestamps[size] = m.timestamp();
        values[size] = v;
        if (latest < 0 || Metric.compareForLatest(m.step(), m.timestamp(), v,
                steps[latest], timestamps[latest], values[latest]) > 0) {
            latest = size;
        }
        if (!Double.isNaN(v)) {
            if (Double.isNaN(min) || v < min) min = v;
            if (Double.isNaN(max) || v > max) max = v;
        }
        size++;
    }

    MetricSummary summary() {
        return new MetricSummary(key, values[latest], timestamps[latest], steps[latest], min, max, size);
    }
}
