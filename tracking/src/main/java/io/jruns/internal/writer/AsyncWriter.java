package io.jruns.internal.writer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The logging path: callers put small operations on a bounded queue and return at once; one
 * daemon thread drains the queue and writes what it finds in one store call per round, so
 * commits group themselves under load. A full queue makes callers wait (backpressure, never
 * unbounded heap). Failed writes are kept and retried, never dropped.
 */
public final class AsyncWriter implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 1 << 16;
    static final int MAX_OPS_PER_ROUND = 200_000;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Store store;
    private final BlockingQueue<Op> queue;
    private final Thread thread;
    private final List<JrunsException> problems = new ArrayList<>();
    private volatile boolean closing;

    public AsyncWriter(Store store) {
        this(store, DEFAULT_CAPACITY);
    }

    public AsyncWriter(Store store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "jruns-writer");
        thread.setDaemon(true);
        thread.start();
        ExitFlush.register(this);
    }

    public void metric(String runId, String key, double value, long timestamp, long step) {
        put(new Op.MetricOp(runId, key, value, timestamp, step));
    }

    public void param(String runId, String key, String value) {
        put(new Op.ParamOp(runId, key, value));
    }

    public void tag(String runId, String key, String value) {
        put(new Op.TagOp(runId, key, value));
    }

    /** A run the store planned ({@code Store.planRun}): written before anything logged to it. */
    public void start(RunStart start) {
        put(new Op.StartOp(start));
    }

    /** A run's end: written after everything logged before it, in the same transaction where it fits. */
    public void end(String runId, RunStatus status, long endTime) {
        put(new Op.EndOp(runId, status, endTime));
    }

    private void put(Op op) {
        if (closing) throw new JrunsException(JrunsException.Code.INVALID_STATE, "the jruns writer is closed");
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while logging");
        }
    }

    /**
     * Returns once everything logged before the call is written and synced to disk; then
     * reports (and forgets) any logged item the store refused since the last flush.
     */
    public void flush() {
        await(true, 0);
        reportProblems();
    }

    /**
     * Returns once everything queued before the call is written (not necessarily durable),
     * e.g. so that a run started a moment ago has its row. Problems wait for the next flush.
     */
    public void awaitWritten() {
        await(false, 0);
    }

    /**
     * As {@link #flush()}, giving up after {@code timeoutMs} (JVM exit must not hang on a stuck
     * store); nothing to do when closed meanwhile (e.g. by the Jruns facade's exit hook): close flushed.
     */
    void flushAtExit(long timeoutMs) {
        try {
            await(true, timeoutMs);
        } catch (JrunsException e) {
            if (closing) return;
            throw e;
        }
        reportProblems();
    }

    /** Waits for a flush op's round; {@code timeoutMs} 0 waits as long as it takes. */
    private void await(boolean durable, long timeoutMs) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new Op.FlushOp(done, durable));
        try {
            if (timeoutMs > 0) done.get(timeoutMs, TimeUnit.MILLISECONDS);
            else done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while flushing");
        } catch (TimeoutException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "could not write to "
                    + store.describe() + " within " + timeoutMs / 1000 + " s; " + queue.size() + " logged items not written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "could not write to "
                    + store.describe() + ": " + cause.getMessage() + " (kept in memory; retrying)", cause);
        }
    }

    private void reportProblems() {
        List<JrunsException> found;
        synchronized (problems) {
            if (problems.isEmpty()) return;
            found = new ArrayList<>(problems);
            problems.clear();
        }
        JrunsException first = found.get(0);
        if (found.size() == 1) throw first;
        // One line naming every problem (up to a point), each kept whole as a suppressed exception.
        StringBuilder msg = new StringBuilder(first.getMessage());
        int shown = 1;
        for (; shown < found.size() && msg.length() < 2000; shown++) msg.append("; ").append(found.get(shown).getMessage());
        if (shown < found.size()) msg.append(" (and ").append(found.size() - shown).append(" more)");
        JrunsException all = new JrunsException(first.code(), msg.toString(), first);
        for (int i = 1; i < found.size(); i++) all.addSuppressed(found.get(i));
        throw all;
    }

    /** Operations waiting to be written (for progress and tests). */
    public int pending() {
        return queue.size();
    }

    private void loop() {
        List<Op> round = new ArrayList<>();
        while (true) {
            try {
                Op first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) return;
                    continue;
                }
                round.add(first);
                queue.drainTo(round, MAX_OPS_PER_ROUND - 1);
                writeWithRetry(round);
                round.clear();
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty() && round.isEmpty()) return;
            } catch (Throwable t) {
                // Must not die: a dead writer would make every later log call and flush wait
                // forever. Tell this round's flushes, and keep the thread for what comes next.
                for (Op op : round) if (op instanceof Op.FlushOp f) f.done().completeExceptionally(t);
                lost(round, t);
                round.clear();
            }
        }
    }

    /** Reports a round that could not even be prepared for writing (e.g. out of memory). */
    private void lost(List<Op> round, Throwable t) {
        long values = round.stream().filter(op -> !(op instanceof Op.FlushOp)).count();
        if (values == 0) return;
        synchronized (problems) {
            problems.add(new JrunsException(JrunsException.Code.INTERNAL_ERROR,
                    values + " logged values could not be written: " + t));
        }
    }

    private void writeWithRetry(List<Op> round) throws InterruptedException {
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        boolean durable = false;
        for (Op op : round) {
            if (op instanceof Op.FlushOp f) {
                flushes.add(f.done());
                durable |= f.durable();
            }
        }
        Batches.Round writes = null;
        long backoff = 50;
        while (true) {
            try {
                if (writes == null) writes = Batches.group(round); // inside: may run out of memory
                // A flush reaches the store even with nothing new: a store that holds values
                // back (the REST store fills whole requests) sends them then.
                if (!writes.isEmpty() || durable) {
                    List<JrunsException> refused = store.logRound(writes.starts(), writes.batches(), writes.metrics(),
                            writes.ends(), durable);
                    if (!refused.isEmpty()) {
                        synchronized (problems) {
                            problems.addAll(refused);
                        }
                    }
                }
                flushes.forEach(f -> f.complete(null));
                return;
            } catch (RuntimeException | Error e) {
                // Tell waiting flushes now; keep the data and try again.
                flushes.forEach(f -> f.completeExceptionally(e));
                flushes.clear();
                // Flushes queued behind this round hear of the outage too instead of waiting
                // for its end; they stay queued, and completing them again later is a no-op.
                for (Op op : queue) if (op instanceof Op.FlushOp f) f.done().completeExceptionally(e);
                Thread.sleep(backoff + (long) (Math.random() * backoff));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** Flushes and stops the writer thread. */
    @Override
    public void close() {
        if (closing) return;
        try {
            flush();
        } finally {
            ExitFlush.unregister(this);
            closing = true;
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
