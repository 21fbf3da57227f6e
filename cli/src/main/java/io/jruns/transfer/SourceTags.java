package io.jruns.transfer;

import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;

import java.util.Map;

/**
 * Tags a copied run carries, so copying again finds it instead of making a second one: the
 * source run's id and store, and (set last) the time the copy was completed. A copy without
 * the last one, or tagged {@code jruns.source.incomplete}, is incomplete: the next copy
 * replaces it, and copying onward skips it.
 * <p>
 * A copy of a copy names the original run (the first store's), not the copy it was read
 * from: so copying back into the original store, or copying one run along two paths into a
 * store, finds the run already there instead of duplicating it.
 */
public final class SourceTags {
    private SourceTags() {
    }

    /** The run a copy names as its source, and the store that holds it. */
    record Origin(String runId, String uri) {
    }

    static boolean isSourceTag(String key) {
        return key.equals(SystemTags.COPY_SOURCE_RUN_ID) || key.equals(SystemTags.COPY_SOURCE_URI)
                || key.equals(SystemTags.COPIED_AT) || key.equals(SystemTags.COPY_INCOMPLETE);
    }

    /** Whether the run is a completed copy (null: none). */
    static boolean complete(Run copy) {
        if (copy == null) return false;
        Map<String, String> tags = copy.data().tags();
        return tags.containsKey(SystemTags.COPIED_AT) && !tags.containsKey(SystemTags.COPY_INCOMPLETE);
    }

    /** A copy stopped or failed before it was complete: not a run to copy onward. */
    static boolean isIncompleteCopy(Run run) {
        Map<String, String> tags = run.data().tags();
        return tags.containsKey(SystemTags.COPY_INCOMPLETE)
                || (tags.containsKey(SystemTags.COPY_SOURCE_RUN_ID) && !tags.containsKey(SystemTags.COPIED_AT));
    }

    /** What a copy of {@code run}, read from {@code fromUri}, names as its source: the original when the run is itself a copy. */
    static Origin origin(Run run, String fromUri) {
        Map<String, String> tags = run.data().tags();
        String id = tags.get(SystemTags.COPY_SOURCE_RUN_ID);
        String uri = tags.get(SystemTags.COPY_SOURCE_URI);
        if (complete(run) && id != null && !id.isBlank() && uri != null && !uri.isBlank()) return new Origin(id, uri);
        return new Origin(run.runId(), fromUri);
    }
}
