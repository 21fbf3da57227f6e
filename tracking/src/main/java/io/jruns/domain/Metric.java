package io.jruns.domain;

/** One metric point. NaN and the infinities are legal values and round-trip exactly. */
public record Metric(String key, double value, long timestamp, long step) {

    /**
     * MLflow's order for "latest": greatest step, then timestamp, then value. Values compare
     * with {@link Double#compare}, so NaN ranks above every number.
     */
    public static int compareForLatest(long stepA, long tsA, double valueA, long stepB, long tsB, double valueB) {
        int c = Long.compare(stepA, stepB);
        if (c != 0) return c;
        c = Long.compare(tsA, tsB);
        if (c != 0) return c;
        return Double.compare(valueA, valueB);
    }
}
