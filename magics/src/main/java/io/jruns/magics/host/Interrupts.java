package io.jruns.magics.host;

/**
 * Tells a cell the user interrupted from one that failed, by what any kernel throws: Java's
 * InterruptedException (a sleep or wait cut short) and jjava's EvaluationInterruptedException
 * (often wrapped). Our kernel's host also knows its own EvaluationFailure (KernelMagicHost).
 */
final class Interrupts {
    private static final int MAX_CAUSES = 20;

    private Interrupts() {
    }

    static boolean recognized(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof InterruptedException || t.getClass().getSimpleName().equals("EvaluationInterruptedException")) {
                return true;
            }
        }
        return false;
    }
}
