package io.jruns;

import io.jruns.domain.RunStatus;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At JVM exit: end runs still active (FINISHED, or FAILED when a thread died of an uncaught
 * exception, like MLflow's atexit) and flush, so a program that forgets endRun loses nothing.
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
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::run, "jruns-shutdown"));
    }

    private static void run() {
        try {
            Jruns.endAllRuns(sawUncaught.get() ? RunStatus.FAILED : RunStatus.FINISHED);
            Jruns.closeSession();
        } catch (RuntimeException e) {
            System.err.println("jruns: at exit: " + e.getMessage());
        }
    }
}
