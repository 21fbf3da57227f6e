package io.jruns.transfer;

import io.jruns.domain.SystemTags;

/**
 * Tags a copied run carries, so copying again finds it instead of making a second one: the
 * source run's id and store, and (set last) the time the copy was completed. A copy without
 * the last one was interrupted; the next copy replaces it.
 */
public final class SourceTags {
    private SourceTags() {
    }

    static boolean isSourceTag(String key) {
        return key.equals(SystemTags.COPY_SOURCE_RUN_ID) || key.equals(SystemTags.COPY_SOURCE_URI)
                || key.equals(SystemTags.COPIED_AT);
    }
}
