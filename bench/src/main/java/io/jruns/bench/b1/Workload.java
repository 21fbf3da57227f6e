package io.jruns.bench.b1;

/** B1's points: every key at every step, step by step, as a training loop logs them. */
record Workload(int keys, int steps) {
    static final Workload B1 = new Workload(100, 10_000);

    long points() {
        return (long) keys * steps;
    }

    String[] keyNames() {
        String[] names = new String[keys];
        for (int k = 0; k < keys; k++) names[k] = String.format("metric_%03d", k);
        return names;
    }

    /** A cheap value that differs per point, so nothing downstream can fold repeats. */
    static double value(int key, int step) {
        return key + step * 1e-4;
    }
}
