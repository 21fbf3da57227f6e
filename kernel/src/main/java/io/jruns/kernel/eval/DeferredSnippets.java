package io.jruns.kernel.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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

    /** A start-up snippet that fails is reported, never thrown at the cell that happened to run it. */
    void failed(String code, EvaluationFailure failure) {
        onFailure.accept(code, failure);
    }
}
