package io.jruns;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers a signal that stops the JVM (Ctrl-C, {@code kill}, a closed terminal), so runs
 * still active at exit end KILLED rather than FINISHED: a shutdown hook alone cannot tell a
 * program that returned from one that was stopped. Each handler then calls the one it
 * replaced, so the JVM still exits as it would have.
 */
final class ExitSignals {
    private static final AtomicReference<String> received = new AtomicReference<>();

    private ExitSignals() {
    }

    static void watch() {
        for (String name : new String[]{"INT", "TERM", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] previous = new SignalHandler[1];
                previous[0] = Signal.handle(signal, s -> {
                    received.compareAndSet(null, "SIG" + s.getName());
                    previous[0].handle(s);
                });
                if (previous[0] == SignalHandler.SIG_IGN || previous[0] == SignalHandler.SIG_DFL) {
                    // ignored (nohup, a kernel's SIGINT) or not the JVM's own: leave it as it was
                    Signal.handle(signal, previous[0]);
                }
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not on this platform, or the JVM keeps it (-Xrs): exits then read as before
            }
        }
    }

    /** The stopping signal's name (SIGTERM), or null when none came. */
    static String received() {
        return received.get();
    }
}
