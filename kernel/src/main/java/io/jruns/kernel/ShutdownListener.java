package io.jruns.kernel;

/**
 * Called once when the kernel stops: on a shutdown or restart request, or when the JVM is
 * terminated (SIGTERM from Jupyter). The place to end open runs as KILLED.
 */
@FunctionalInterface
public interface ShutdownListener {
    /** @param restart true when Jupyter will start a new kernel right after */
    void kernelShuttingDown(boolean restart) throws Exception;
}
