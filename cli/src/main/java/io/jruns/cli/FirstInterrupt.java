package io.jruns.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While a child does the work (jruns execute's nbclient), the first Ctrl-C or SIGTERM is the
 * child's to handle: it stops the notebook and still writes what ran. This JVM says so and waits;
 * a second signal quits at once, as before.
 *
 * <p>A terminal's Ctrl-C reaches the whole process group, but {@code kill PID}, {@code docker stop}
 * and systemd signal this JVM alone: so the first signal is passed on to the child (SIGTERM, which
 * nbclient handles as it does SIGINT), and the second ends the children too rather than leave them
 * running the notebook on as orphans.
 */
final class FirstInterrupt implements AutoCloseable {
    private static final List<Signal> SIGNALS = List.of(new Signal("INT"), new Signal("TERM"));
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.size()];
    private final AtomicBoolean seen = new AtomicBoolean(); // each signal is handled on a thread of its own

    FirstInterrupt(PrintStream err, String command) {
        for (int i = 0; i < SIGNALS.size(); i++) {
            int index = i;
            previous[i] = Signal.handle(SIGNALS.get(i), s -> {
                if (!seen.compareAndSet(false, true)) {
                    endChildren();
                    previous[index].handle(s);
                    return;
                }
                err.println("jruns " + command + (s.getName().equals("INT")
                        ? ": interrupting (Ctrl-C again to quit at once)"
                        : ": stopping on SIGTERM (signal again to quit at once)"));
                // a group's Ctrl-C gave it one already: nbclient cleans up once either way
                ProcessHandle.current().children().forEach(ProcessHandle::destroy);
            });
        }
    }

    /**
     * Quitting at once: nbclient's Python is killed (a SIGTERM would only start its cleanup
     * again) and what it started, the kernel in a session of its own, is sent SIGTERM, so that
     * it ends its runs KILLED as it exits.
     */
    private static void endChildren() {
        List<ProcessHandle> deeper = ProcessHandle.current().descendants()
                .filter(p -> p.parent().map(q -> q.pid() != ProcessHandle.current().pid()).orElse(true)).toList();
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
        deeper.forEach(ProcessHandle::destroy);
    }

    /** Whether a Ctrl-C or SIGTERM came. */
    boolean seen() {
        return seen.get();
    }

    @Override
    public void close() {
        for (int i = 0; i < SIGNALS.size(); i++) Signal.handle(SIGNALS.get(i), previous[i]);
    }
}
