package io.jruns.kernel.eval;

import java.util.List;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/** What the evaluator reads off JShell's snippets and events; no state. */
final class Snippets {
    private Snippets() {
    }

    /** True when a snippet did not compile or declared something unresolved: it has had no effect. */
    static boolean needCompletion(List<SnippetEvent> events) {
        return events.stream().filter(ev -> ev.causeSnippet() == null).anyMatch(ev -> ev.status() == Snippet.Status.REJECTED
                || ev.status() == Snippet.Status.RECOVERABLE_DEFINED || ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED);
    }

    static EvalOutcome classify(Snippet s, Object raw, List<String> assigned) {
        if (s instanceof VarSnippet v) {
            if (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                return new EvalOutcome(true, raw, v.typeName(), List.of(), List.of());
            }
            assigned.add(v.name());
        } else if (s instanceof ExpressionSnippet e) {
            if (e.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
                return new EvalOutcome(true, raw, e.typeName(), List.of(), List.of());
            }
            if (e.subKind() == Snippet.SubKind.ASSIGNMENT_SUBKIND) {
                assigned.add(e.name());
            }
        }
        return EvalOutcome.empty();
    }

    /** Where JShell's (possibly re-formatted) snippet source starts inside the remaining text. */
    static int offsetIn(String remaining, String src) {
        String core = src.strip();
        if (core.endsWith(";")) {
            core = core.substring(0, core.length() - 1);
        }
        int i = core.isEmpty() ? -1 : remaining.indexOf(core);
        if (i >= 0) {
            return i;
        }
        int ws = 0;
        while (ws < remaining.length() && Character.isWhitespace(remaining.charAt(ws))) {
            ws++;
        }
        return ws;
    }
}
