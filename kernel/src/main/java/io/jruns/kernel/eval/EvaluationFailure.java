package io.jruns.kernel.eval;

import java.util.List;

/**
 * A cell that did not run to the end: it did not compile, it threw, or it was interrupted.
 * Carries what Jupyter shows: an error name, a one-line value and the traceback lines.
 */
public final class EvaluationFailure extends RuntimeException {
    /** Why the cell failed. */
    public enum Kind { COMPILATION, EXCEPTION, INTERRUPTED }

    private final Kind kind;
    private final String errorName;
    private final List<String> traceback;

    public EvaluationFailure(Kind kind, String errorName, String message, List<String> traceback) {
        super(message, null, true, false);
        this.kind = kind;
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** Whether {@code t}, or what it wraps, is a cell the user interrupted. */
    public static boolean interrupted(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof EvaluationFailure f && f.kind == Kind.INTERRUPTED) return true;
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    /** Jupyter's {@code ename}: e.g. {@code CompilationError}, {@code ArithmeticException}. */
    public String errorName() {
        return errorName;
    }

    /** Jupyter's {@code traceback}: lines without newlines, readable as plain text. */
    public List<String> traceback() {
        return traceback;
    }
}
