package io.jruns.search;

/**
 * A filter narrowed to the runs started at or after a time: the reference's "Time created"
 * choice, as {@code %runs --created} and {@code jruns runs search --created} give it.
 */
public final class StartedSince {
    private StartedSince() {
    }

    /**
     * {@code (filter) AND attributes.start_time >= since}. The filter as typed is parsed first, so
     * an error in it points at its own column, not at one of the combined text.
     */
    public static String and(String filter, long since) {
        String f = filter == null ? "" : filter.strip();
        String clause = "attributes.start_time >= " + since;
        if (f.isEmpty()) return clause;
        FilterParser.parse(f);
        return "(" + f + ") AND " + clause;
    }
}
