package io.jruns.search;

/**
 * How many runs a search matches: {@code runs} exactly, or, when {@code exact} is false, more
 * than {@code runs} (a store that cannot count cheaply stopped counting there).
 */
public record RunCount(long runs, boolean exact) {
    public RunCount {
        if (runs < 0) throw new IllegalArgumentException("a count cannot be negative: " + runs);
    }

    public static RunCount exactly(long runs) {
        return new RunCount(runs, true);
    }

    public static RunCount moreThan(long runs) {
        return new RunCount(runs, false);
    }

    /** The count of runs found one by one when at most {@code atMost} were wanted (one more means more than atMost). */
    public static RunCount counted(long found, long atMost) {
        return found > atMost ? moreThan(atMost) : exactly(found);
    }
}
