package io.jruns.store;

import io.jruns.domain.JrunsException;

/**
 * A logged value a store refused and has already told the user about (one line on stderr,
 * with the reason). flush() still reports it; ending a run does not fail because of it, so a
 * program whose other values all arrived ends normally.
 */
public class RefusedValue extends JrunsException {
    public RefusedValue(String message) {
        super(Code.INVALID_PARAMETER_VALUE, message);
    }

    /** Whether {@code e} (or every problem it bundles) is a refusal the user was already told of. */
    public static boolean alreadyTold(Throwable e) {
        if (e instanceof RefusedValue) return true;
        if (!(e.getCause() instanceof RefusedValue)) return false;
        for (Throwable s : e.getSuppressed()) if (!(s instanceof RefusedValue)) return false;
        return true;
    }
}
