package io.jruns.store;

import io.jruns.domain.JrunsException;

/**
 * The arguments of bulk delete and restore by time, as Databricks' delete_runs and
 * restore_runs take them: a time in milliseconds since the epoch and an optional cap.
 */
public final class BulkLimits {
    /** The largest (and default) number of runs one bulk call changes. */
    public static final int MAX_RUNS = 10_000;

    private BulkLimits() {
    }

    /** The cap to use: {@link #MAX_RUNS} when null; a clear error outside 1..10,000. */
    public static int maxRuns(Integer maxRuns) {
        if (maxRuns == null) return MAX_RUNS;
        if (maxRuns < 1 || maxRuns > MAX_RUNS) {
            throw JrunsException.invalid("max runs must be a whole number from 1 to 10,000, got " + maxRuns);
        }
        return maxRuns;
    }

    /** A time argument, which must not be before the epoch. */
    public static long timestamp(String name, long millis) {
        if (millis < 0) {
            throw JrunsException.invalid(name + " must be milliseconds since the epoch (0 or more), got " + millis);
        }
        return millis;
    }
}
