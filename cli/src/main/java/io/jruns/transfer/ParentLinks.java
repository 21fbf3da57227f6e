package io.jruns.transfer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a copied child's parent link points: the id of its parent's copy in the target, made
 * earlier or by this copy, a failed one too (it stays a run of the target, marked incomplete,
 * until copying again replaces it and repoints the link). A parent of the selection the target
 * has no copy of (refused before one was made, or an incomplete copy left out) gives no link:
 * its source id would name no run of the target. Copying again links the children
 * ({@link CopyCompletion#repair}). A parent outside the selection keeps its id, as documented.
 */
final class ParentLinks {
    private final Map<String, String> copies; // source run id -> its copy's id
    private final Set<String> noCopy = new HashSet<>();

    /** {@code known}: source run id -> its completed copy in the target, found before copying. */
    ParentLinks(Map<String, String> known) {
        this.copies = new HashMap<>(known);
    }

    void copied(String sourceId, String copyId) {
        copies.put(sourceId, copyId);
        noCopy.remove(sourceId);
    }

    /** The run's copy failed before it was made: a copy made earlier (still in the target) stays its children's parent. */
    void failed(String sourceId) {
        if (!copies.containsKey(sourceId)) noCopy.add(sourceId);
    }

    /** The run's copy, given out when planned, was never written: nothing of it is in the target. */
    void unmade(String sourceId) {
        copies.remove(sourceId);
        noCopy.add(sourceId);
    }

    /** The link for a child of source run {@code parent}: empty when the target has nothing to point at. */
    Optional<String> of(String parent) {
        return noCopy.contains(parent) ? Optional.empty() : Optional.of(copies.getOrDefault(parent, parent));
    }
}
