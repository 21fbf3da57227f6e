package io.jruns.transfer;

/**
 * Tags a copied run carries, so copying again finds it instead of making a second one: the
 * source run's id and store, and (set last) the time the copy was completed. A copy without
 * the last one was interrupted; the next copy replaces it.
 */
public final class SourceTags {
    public static final String RUN_ID = "jruns.source.runId";
    public static final String URI = "jruns.source.uri";
    public static final String COPIED_AT = "jruns.source.copiedAt";

    private SourceTags() {
    }

    static boolean isSourceTag(String key) {
        return key.equals(RUN_ID) || key.equals(URI) || key.equals(COPIED_AT);
    }
}
