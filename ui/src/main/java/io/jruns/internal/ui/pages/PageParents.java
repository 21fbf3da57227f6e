package io.jruns.internal.ui.pages;

import io.jruns.TrackingClient;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs a page of runs is nested in that are not on it, read by id so the page shows its
 * children under their parent, as %runs does, without reading the runs of other pages. A parent
 * is read whatever its state and whether or not the filter keeps it (the table marks it as not
 * one of the page's runs); one that was purged, or is in another experiment, is not found and
 * its children stand alone. No lookup at all when every parent is on the page.
 */
public final class PageParents {
    /** Ids per search: a page has at most 1,000 runs, so a few searches at most. */
    private static final int BATCH = 200;
    /** Levels of nesting followed up (a parent's parent, ...): deeper sweeps than this are not made by hand. */
    private static final int DEPTH = 16;

    private PageParents() {
    }

    public static List<Run> of(TrackingClient client, List<String> experimentIds, List<Run> runs) {
        Set<String> known = new HashSet<>();
        for (Run r : runs) known.add(r.runId());
        List<Run> out = new ArrayList<>();
        Set<String> wanted = missing(runs, known);
        for (int level = 0; level < DEPTH && !wanted.isEmpty(); level++) {
            known.addAll(wanted); // asked once: a purged parent, or a cycle, is not asked again
            List<Run> found = new ArrayList<>();
            List<String> ids = new ArrayList<>(wanted);
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                found.addAll(client.search().experiments(experimentIds.toArray(String[]::new)).state(ViewType.ALL)
                        .filter("attributes.run_id IN ('" + String.join("', '", batch) + "')").max(batch.size()).runs());
            }
            out.addAll(found);
            wanted = missing(found, known);
        }
        return out;
    }

    /** Parent ids of these runs not known yet; only ids that are ids, since a tag's value goes into a filter. */
    private static Set<String> missing(List<Run> runs, Set<String> known) {
        Set<String> out = new LinkedHashSet<>();
        for (Run r : runs) {
            String p = r.data().tags().get(SystemTags.PARENT_RUN_ID);
            if (p != null && !known.contains(p) && p.matches("[A-Za-z0-9_-]{1,64}")) out.add(p);
        }
        return out;
    }
}
