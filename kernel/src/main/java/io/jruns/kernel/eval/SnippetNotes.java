package io.jruns.kernel.eval;

import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/** What JShell's events mean for the person at the notebook, in words: the notes a cell shows. */
final class SnippetNotes {
    private final JShell shell;

    SnippetNotes(JShell shell) {
        this.shell = shell;
    }

    /** A dependent snippet updated as a side effect: a variable of a redefined type starts over. */
    static Optional<String> reset(SnippetEvent ev) {
        if (ev.snippet() instanceof VarSnippet v && ev.status().isDefined() && ev.previousStatus().isDefined()) {
            String cause = ev.causeSnippet() instanceof PersistentSnippet p ? p.name() : "an earlier cell";
            return Optional.of("note: variable " + v.name() + " was reset to " + ev.value() + " because " + cause
                    + " changed; assign it again");
        }
        return Optional.empty();
    }

    /** A declaration that compiled but needs something not declared yet. */
    String unresolved(DeclarationSnippet s) {
        return "note: " + waitsFor(s);
    }

    /** Why a snippet could not run because of an unresolved reference, or null. */
    String unresolvedDetail(SnippetEvent ev) {
        return ev.exception() instanceof UnresolvedReferenceException u ? waitsFor(u.getSnippet()) : null;
    }

    private String waitsFor(DeclarationSnippet s) {
        String deps = shell.unresolvedDependencies(s).collect(Collectors.joining(", "));
        return s.name() + " cannot be used until " + (deps.isEmpty() ? "its errors are fixed" : deps + " is declared");
    }
}
