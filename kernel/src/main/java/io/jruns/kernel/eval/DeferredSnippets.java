package io.jruns.kernel.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Start-up snippets (the default imports) that JShell has not evaluated yet. The kernel
 * answers its first cell before they have all run, because each costs a compile on a JVM
 * that is still cold; a snippet that needs one of them is evaluated again once they have.
 * Guarded by the evaluator's lock.
 */
final class DeferredSnippets {
    private final Deque<String> pending = new ArrayDeque<>();
    private BiConsumer<String, EvaluationFailure> onFailure = (code, failure) -> { };
    private final ImportedNames imports = new ImportedNames(DeferredSnippets.class.getClassLoader());

    void add(List<String> snippets, BiConsumer<String, EvaluationFailure> failures) {
        pending.addAll(snippets);
        onFailure = failures;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Takes the next snippet, or null when none is left. */
    String poll() {
        return pending.poll();
    }

    /**
     * Takes, in their order, the pending imports that give {@code code} a name it uses; the
     * others stay pending. Imports do not depend on one another, so running some sooner
     * changes nothing that runs later.
     */
    List<String> takeUsedBy(String code) {
        Set<String> names = ImportedNames.namesIn(code);
        List<String> taken = new ArrayList<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            String snippet = it.next();
            if (imports.provides(snippet, names)) {
                taken.add(snippet);
                it.remove();
            }
        }
        return taken;
    }

    /** A start-up snippet that fails is reported, never thrown at the cell that happened to run it. */
    void failed(String code, EvaluationFailure failure) {
        onFailure.accept(code, failure);
    }
}
