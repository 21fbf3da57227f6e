package io.jruns.store;

import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points one writer round logged to one (run, key), in logging order, as columns: the
 * logging path hands them to a store with no object per point. Filled by one thread, then
 * read; {@link #steps()}, {@link #timestamps()} and {@link #values()} are the backing arrays,
 * valid up to {@link #size()}, so a store can pack them without copying.
 */
public final class MetricColumns {
    private final String runId;
    private final String key;
    private long[] steps;
    private long[] timestamps;
    private double[] values;
    private int size;

    public MetricColumns(String runId, String key) {
        this(runId, key, 16);
    }

    public MetricColumns(String runId, String key, int capacity) {
        this.runId = runId;
        this.key = key;
        int n = Math.max(1, capacity);
        steps = new long[n];
        timestamps = new long[n];
        values = new double[n];
    }

    public void add(double value, long timestamp, long step) {
        if (size == steps.length) {
            int n = size * 2;
            steps = Arrays.copyOf(steps, n);
            timestamps = Arrays.copyOf(timestamps, n);
            values = Arrays.copyOf(values, n);
        }
        steps[size] = step;
        timestamps[size] = timestamp;
        values[size] = value;
        size++;
    }

    public void add(Metric m) {
        add(m.value(), m.timestamp(), m.step());
    }

    public String runId() {
        return runId;
    }

    public String key() {
        return key;
    }

    public int size() {
        return size;
    }

    public long[] steps() {
        return steps;
    }

    public long[] timestamps() {
        return timestamps;
    }

    public double[] values() {
        return values;
    }

    /** The points as objects, for stores that take {@link io.jruns.domain.LogBatch}es. */
    public List<Metric> toMetrics() {
        List<Metric> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(new Metric(key, values[i], timestamps[i], steps[i]));
        return out;
    }

    @Override
    public String toString() {
        return "MetricColumns[" + runId + ", " + key + ", " + size + " points]";
    }
}
