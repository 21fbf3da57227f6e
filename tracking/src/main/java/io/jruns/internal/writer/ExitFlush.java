package io.jruns.internal.writer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Flushes the writers not closed yet when the JVM exits: a writer's thread is a daemon, and
 * what it still holds (values, run ends) must not die with it when a program forgets close().
 */
final class ExitFlush {
    private static final Set<AsyncWriter> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final long TIMEOUT_MS = 30_000;

    private ExitFlush() {
    }

    static void register(AsyncWriter w) {
        OPEN.add(w);
        if (!HOOKED.compareAndSet(false, true)) return;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitFlush::flushAll, "jruns-writer-exit"));
        } catch (IllegalStateException exiting) {
            // opened while the JVM exits: whoever opened it closes it
        }
    }

    static void unregister(AsyncWriter w) {
        OPEN.remove(w);
    }

    private static void flushAll() {
        for (AsyncWriter w : OPEN) {
            try {
                w.flushAtExit(TIMEOUT_MS);
            } catch (RuntimeException e) {
                System.err.println("jruns: at exit: " + e.getMessage());
            }
        }
    }
}
