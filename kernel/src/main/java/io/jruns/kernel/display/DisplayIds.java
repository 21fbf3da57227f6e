package io.jruns.kernel.display;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Display ids handed out by {@code display(...)} during the current cell, by identity: when the
 * cell's value is one of these very strings, the cell ended with {@code display(x)} and the id
 * must not be shown as its result.
 */
public final class DisplayIds {
    private final Set<String> issued = Collections.newSetFromMap(new IdentityHashMap<>());

    public synchronized String issue() {
        String id = NotebookFunctions.newId();
        issued.add(id);
        return id;
    }

    /** Tracks an id the caller chose; returns the same instance. */
    public synchronized String remember(String id) {
        issued.add(id);
        return id;
    }

    public synchronized boolean isIssued(Object value) {
        return value instanceof String && issued.contains(value);
    }

    public synchronized void clear() {
        issued.clear();
    }
}
