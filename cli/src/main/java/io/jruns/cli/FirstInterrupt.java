package io.jruns.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;

/**
 * While a child does the work (jruns execute's nbclient), the first Ctrl-C is the child's to
 * handle: it stops the notebook and still writes what ran. This JVM says so and waits; a
 * second Ctrl-C quits at once, as before.
 */
final class FirstInterrupt implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final SignalHandler previous;
    private volatile boolean seen;

    FirstInterrupt(PrintStream err, String command) {
        SignalHandler[] before = new SignalHandler[1];
        before[0] = Signal.handle(INT, s -> {
            if (seen) {
                before[0].handle(s);
                return;
            }
            seen = true;
            err.println("jruns " + command + ": interrupting (Ctrl-C again to quit at once)");
        });
        previous = before[0];
    }

    /** Whether a Ctrl-C came. */
    boolean seen() {
        return seen;
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
