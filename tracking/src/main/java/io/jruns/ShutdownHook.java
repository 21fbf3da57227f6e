package io.jruns;

import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At JVM exit: end runs still active (FINISHED, or FAILED when a thread died of an uncaught
 * exception, like MLflow's atexit; KILLED, with the reason, when a signal stopped the JVM) and
 * flush, so a program that forgets endRun loses nothing.
 */
final class ShutdownHook {
    private static final AtomicBoolean installed = new AtomicBoolean();
    private static final AtomicBoolean sawUncaught = new AtomicBoolean();

    private ShutdownHook() {
    }

    static void installOnce() {
        if (!installed.compareAndSet(false, true)) return;
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            sawUncaught.set(true);
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        });
        ExitSignals.watch();
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::run, "jruns-shutdown"));
    }

    private static void run() {
        try {
            String signal = ExitSignals.received();
            if (signal != null) {
                if (Jruns.activeRun().isPresent()) {
                    for (ActiveRun a : Jruns.session().activeRuns()) a.setTag(SystemTags.KILLED_REASON, "the process was stopped by " + signal);
                }
                Jruns.endAllRuns(RunStatus.KILLED);
            } else {
                Jruns.endAllRuns(sawUncaught.get() ? RunStatus.FAILED : RunStatus.FINISHED);
            }
            Jruns.closeSession();
        } catch (RuntimeException e) {
            System.err.println("jruns: at exit: " + e.getMessage());
        }
    }
}
