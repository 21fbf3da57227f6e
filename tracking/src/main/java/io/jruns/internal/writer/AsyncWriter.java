package io.jruns.internal.writer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The logging path: callers put small operations on a bounded queue and return at once (a
 * metric point as primitives, see OpQueue); one daemon thread takes everything queued and
 * writes it in one store call per round, metric points as columns ({@link Store#logRound}),
 * so commits group themselves under load. A full queue makes callers wait (backpressure,
 * never unbounded heap). Failed writes are kept and retried, never dropped.
 */
public final class AsyncWriter implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 1 << 16;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Store store;
    private final OpQueue queue;
    private final Thread thread;
    private final List<JrunsException> problems = new ArrayList<>();
    private volatile boolean closing;

    public AsyncWriter(Store store) {
        this(store, DEFAULT_CAPACITY);
    }

    public AsyncWriter(Store store, int capacity) {
        this.store = store;
        this.queue = new OpQueue(capacity);
        this.thread = new Thread(this::loop, "jruns-writer");
        thread.setDaemon(true);
        thread.start();
        ExitFlush.register(this);
    }

    public void metric(String runId, String key, double value, long timestamp, long step) {
        if (closing) throw closed();
        try {
            queue.putMetric(runId, key, value, timestamp, step);
        } catch (InterruptedException e) {
            throw interrupted();
        }
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
        if (closing) throw closed();
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static JrunsException closed() {
        return new JrunsException(JrunsException.Code.INVALID_STATE, "the jruns writer is closed");
    }

    private static JrunsException interrupted() {
        Thread.currentThread().interrupt();
        return new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while logging");
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
            // no retry comes after exit: say what is lost rather than "kept in memory"
            if (e.getCause() != null) {
                throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "could not write to " + store.describe() + ": "
                        + e.getCause().getMessage() + "; what was logged since the last flush that succeeded is lost with this exit"
                        + " (runs left RUNNING are ended KILLED when the store is next opened)", e.getCause());
            }
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
        while (true) {
            OpQueue.Slots taken = take();
            if (taken == null) {
                if (closing && queue.size() == 0) return;
                continue;
            }
            Batches.Round round;
            try {
                round = Batches.group(taken); // copies out: callers can fill the buffer again
            } catch (Throwable t) {
                // Must not die: a dead writer would make every later log call and flush wait
                // forever. Tell this buffer's flushes, and keep the thread for what comes next.
                Batches.flushes(taken).forEach(f -> f.completeExceptionally(t));
                lost(taken, t);
                continue;
            } finally {
                queue.recycle(taken);
            }
            writeWithRetry(round);
        }
    }

    /** What was queued, after waiting up to 200 ms for something (then null). */
    private OpQueue.Slots take() {
        try {
            return queue.take(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return null; // nobody is meant to interrupt the writer: look again
        }
    }

    /** Reports a buffer that could not even be grouped for writing (e.g. out of memory). */
    private void lost(OpQueue.Slots taken, Throwable t) {
        int values = taken.size - Batches.flushes(taken).size();
        if (values == 0) return;
        synchronized (problems) {
            problems.add(new JrunsException(JrunsException.Code.INTERNAL_ERROR,
                    values + " logged values could not be written: " + t));
        }
    }

    private void writeWithRetry(Batches.Round round) {
        List<CompletableFuture<Void>> flushes = new ArrayList<>(round.flushes());
        long backoff = 50;
        while (true) {
            try {
                // A flush reaches the store even with nothing new: a store that holds values
                // back (the REST store fills whole requests) sends them then.
                if (!round.isEmpty() || round.durable()) {
                    List<JrunsException> refused = store.logRound(round.starts(), round.batches(), round.metrics(),
                            round.ends(), round.durable());
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
                queue.forEachOp(op -> {
                    if (op instanceof Op.FlushOp f) f.done().completeExceptionally(e);
                });
                pause(backoff + (long) (Math.random() * backoff));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** Nobody is meant to interrupt the writer; if someone does, the round is kept and retried all the same. */
    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ignored) {
            // retried at once: dropping logged values is never the answer
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
