package io.jruns.kernel.eval;

import java.util.List;

/**
 * What evaluating a piece of code produced.
 *
 * @param hasValue     true when the last snippet was an expression (its value is shown as the result)
 * @param value        the expression's value as an object (may be null even when hasValue)
 * @param typeName     the expression's static type, or null
 * @param assigned     names of the variables the code declared or assigned at top level, in order
 * @param notes        non-fatal remarks to show on stderr (e.g. a method that needs a missing declaration)
 */
public record EvalOutcome(boolean hasValue, Object value, String typeName, List<String> assigned, List<String> notes) {
    public EvalOutcome {
        assigned = List.copyOf(assigned);
        notes = List.copyOf(notes);
    }

    public static EvalOutcome empty() {
        return new EvalOutcome(false, null, null, List.of(), List.of());
    }
}
