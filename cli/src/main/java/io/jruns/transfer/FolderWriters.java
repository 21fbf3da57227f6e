package io.jruns.transfer;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes an export's run folders on a few threads. Each folder is ~50 small new files in
 * MLflow's layout, and creating them is the kernel's work ({@code open}: 7 of 11 s for 1,000
 * runs on one thread), which the cores can share. The store is still read on the caller's
 * thread only; each folder's "done" step runs there too, in submission order.
 */
final class FolderWriters implements AutoCloseable {
    private static final int THREADS = 4;
    /** Folders prepared ahead of the writers at most: what they hold (metric text) stays small. */
    private static final int AHEAD = 16;

    private record Job(Future<?> write, Runnable done) {
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "jruns-export-writer");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Job> pending = new ArrayDeque<>();

    /** Writes a folder ({@code write}, on a writer) and then runs {@code done} here, after the ones before it. */
    void submit(Runnable write, Runnable done) {
        while (pending.size() >= AHEAD) settleOldest();
        pending.add(new Job(pool.submit(write), done));
    }

    /** Waits for every folder, in order; the first failure is thrown and the rest stopped. */
    void finish() {
        while (!pending.isEmpty()) settleOldest();
    }

    private void settleOldest() {
        Job j = pending.removeFirst();
        try {
            j.write().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new UncheckedIOException(new java.io.IOException(cause));
        }
        j.done().run();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS); // a folder half-written stays hidden (RunFolders)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
