package io.jruns.transfer;

import io.jruns.domain.Run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order runs are copied in: as listed, except that a parent in the selection comes before
 * its children, so each run can be completed (its parent link pointed at the parent's copy) as
 * soon as it is copied, and a copy stopped midway leaves no finished run with a link to fix.
 */
final class CopyOrder {
    private CopyOrder() {
    }

    /** A source run and the target experiment it is copied into. */
    record Planned(Run source, String targetExperiment) {
    }

    static List<Planned> parentsFirst(List<Planned> runs) {
        Map<String, Planned> byId = new HashMap<>();
        runs.forEach(p -> byId.put(p.source().runId(), p));
        List<Planned> out = new ArrayList<>(runs.size());
        Set<String> placed = new HashSet<>();
        for (Planned p : runs) place(p, byId, placed, out);
        return out;
    }

    /** Places the run's ancestors (those selected) first; a loop of parent links is broken where it closes. */
    private static void place(Planned p, Map<String, Planned> byId, Set<String> placed, List<Planned> out) {
        List<Planned> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Planned at = p; at != null && !placed.contains(at.source().runId()) && seen.add(at.source().runId());
             at = at.source().parentRunId().map(byId::get).orElse(null)) {
            chain.add(at);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (placed.add(chain.get(i).source().runId())) out.add(chain.get(i));
        }
    }
}
