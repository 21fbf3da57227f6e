package io.jruns.store;

/**
 * Hears how far a long piece of work (bulk delete or restore, gc, CSV export) has got.
 * Called on the working thread after each chunk, so it should return quickly.
 */
@FunctionalInterface
public interface Progress {
    /** Ignores every report. */
    Progress NONE = (what, done, total) -> { };

    /**
     * {@code done} of {@code total} so far; {@code total} is -1 while unknown.
     *
     * @param what what is being counted, e.g. "runs deleted"
     */
    void update(String what, long done, long total);
}
