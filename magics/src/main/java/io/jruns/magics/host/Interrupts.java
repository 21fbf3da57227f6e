package io.jruns.magics.host;

import java.lang.reflect.Method;

/**
 * Tells a cell the user interrupted from one that failed, by what kernels throw: Java's
 * InterruptedException (a sleep or wait cut short), jjava's EvaluationInterruptedException
 * (often wrapped), and a failure reporting Jupyter's error name InterruptedException, as our
 * kernel's EvaluationFailure does (its class lives in the kernel, which depends on this module).
 */
final class Interrupts {
    private static final int MAX_CAUSES = 20;

    private Interrupts() {
    }

    static boolean recognized(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof InterruptedException || t.getClass().getSimpleName().equals("EvaluationInterruptedException")
                    || "InterruptedException".equals(errorName(t))) {
                return true;
            }
        }
        return false;
    }

    /** Jupyter's {@code ename} of a kernel's failure that has one, by its public {@code errorName()}. */
    private static String errorName(Throwable t) {
        try {
            Method m = t.getClass().getMethod("errorName");
            if (m.getReturnType() != String.class) return null;
            m.trySetAccessible(); // a public method of a class not public itself
            return (String) m.invoke(t);
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null;
        }
    }
}
