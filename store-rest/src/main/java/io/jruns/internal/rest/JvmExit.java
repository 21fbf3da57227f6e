package io.jruns.internal.rest;

/**
 * Whether the JVM is running its shutdown hooks: then nothing held in memory will be sent
 * later, and saying it waits would be untrue. The JVM refuses hook changes from that moment,
 * which is how it tells (the probe thread is never registered).
 */
final class JvmExit {
    private static final Thread PROBE = new Thread(() -> { }, "jruns-exit-probe");

    private JvmExit() {
    }

    static boolean inProgress() {
        try {
            Runtime.getRuntime().removeShutdownHook(PROBE);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}
