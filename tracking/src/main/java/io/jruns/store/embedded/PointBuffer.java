package io.jruns.store.embedded;

import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;

import java.util.Arrays;

/** Points of one (run, key) gathered for one commit, in primitive arrays, with their summary. */
final class PointBuffer {
    final String key;
    long[] steps = new long[16];
    long[] timestamps = new long[16];
    double[] values = new double[16];
    int size;
    private MetricSummary summary;

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
        steps[size] = m.step();
        timestamps[size] = m.timestamp();
        values[size] = m.value();
        size++;
        summary = summary == null ? MetricSummary.of(m) : summary.plus(m);
    }

    MetricSummary summary() {
        return summary;
    }
}
