package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST store's logging path. Values become log-batch requests ({@link Outbox}); each is
 * sent, or, while the server cannot be reached, appended to the {@link Spool} and replayed in
 * order once it can (from a background thread, with growing pauses). A request the server
 * refuses for its content is dropped and reported; every other failure keeps the data. While
 * the spool holds requests, new ones queue behind them, so a run's values stay in order.
 * One line goes to the warnings when waiting starts, one when it ends.
 */
final class LogSender implements AutoCloseable {
    private static final long MAX_PAUSE_MS = 30_000;

    private final RestTransport http;
    private final RestConfig config;
    private final Spool spool;
    private final Outbox outbox = new Outbox(LogLimits.MLFLOW);
    /** Request bodies the spool could not take (disk full): kept here, ahead of newer ones. */
    private final List<byte[]> held = new ArrayList<>();
    private final List<JrunsException> problems = new ArrayList<>();
    private final ScheduledExecutorService timer;
    /** Sends one request at a time while the caller's thread prepares the next. */
    private final ExecutorService wire;
    private final AtomicLong requests = new AtomicLong();
    private boolean spooled;
    private boolean waiting;
    private long nextTryNanos;
    private long pauseMs = 250;
    private String lastFailure;

    LogSender(RestTransport http) {
        this.http = http;
        this.config = http.config();
        this.spool = Spool.at(config.spoolFile());
        this.spooled = spool.hasPending(); // left by an earlier process: replayed in the background
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jruns-rest-sender");
            t.setDaemon(true);
            return t;
        });
        this.wire = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jruns-rest-wire");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, config.linger().toMillis() / 2);
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** The writer's path: never throws for an outage; returns what the server refused. */
    synchronized List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        long start = System.nanoTime();
        problems.addAll(outbox.add(batches, start));
        pump(durable, false);
        long end = System.nanoTime();
        outbox.afterBusy(end, end - start);
        List<JrunsException> out = new ArrayList<>(problems);
        problems.clear();
        return out;
    }

    /** Sends now, behind everything pending, or throws: for synchronous callers (copy, logBatch). */
    synchronized void sendNow(List<LogBatch> batches) {
        settle();
        if (spooled || !held.isEmpty()) {
            throw new RestException(RestException.Kind.UNAVAILABLE, JrunsException.Code.INTERNAL_ERROR, 0, null,
                    "earlier logged values still wait in the spool " + spool.file() + " for " + config.displayName()
                            + (lastFailure == null ? "" : " (" + lastFailure + ")"), null);
        }
        Outbox now = new Outbox(LogLimits.MLFLOW);
        List<JrunsException> tooBig = now.add(batches, System.nanoTime());
        if (!tooBig.isEmpty()) throw tooBig.get(0);
        for (LogChunk c : now.takeReady(true, System.nanoTime(), 0)) send(c.json(), config.retry());
    }

    /** Sends everything pending (or spools it) and tries the spool once: before a call that must come after. */
    synchronized void settle() {
        if (!outbox.isEmpty() || !held.isEmpty()) pump(true, true);
        else if (spooled) drain();
    }

    /** Log-batch requests sent so far (for tests and benchmarks). */
    long requestsSent() {
        return requests.get();
    }

    synchronized boolean hasSpooled() {
        return spooled || !held.isEmpty();
    }

    Spool spool() {
        return spool;
    }

    private void tick() {
        try {
            synchronized (this) {
                if (spooled && System.nanoTime() - nextTryNanos >= 0) pump(false, true);
                else if (!outbox.isEmpty()) pump(false, false);
            }
        } catch (RuntimeException e) {
            lastFailure = e.getMessage(); // keep the thread alive; the next tick tries again
        }
    }

    /**
     * Moves requests on: replays the spool when due (or {@code forceDrain}), then sends what is
     * ready (everything when {@code all}), or appends it to the spool while that holds data.
     * While one request is on the wire the next one is serialised, so a long run of requests
     * costs about the network time alone; still only one is in flight, so the order holds.
     */
    private void pump(boolean all, boolean forceDrain) {
        long now = System.nanoTime();
        if (spooled && (forceDrain || now - nextTryNanos >= 0)) drain();
        List<Object> ready = new ArrayList<>(held);
        held.clear();
        ready.addAll(outbox.takeReady(all, now, config.linger().toNanos()));
        if (spooled) {
            toSpool(bodies(ready, 0), all);
            return;
        }
        Future<RestException> inFlight = null;
        int flying = -1;
        for (int i = 0; i <= ready.size(); i++) {
            byte[] body = i < ready.size() ? body(ready.get(i)) : null;
            if (inFlight != null) {
                RestException failed = await(inFlight);
                if (failed != null && !failed.keepData()) problems.add(failed);
                else if (failed != null) {
                    startWaiting(failed);
                    List<byte[]> rest = new ArrayList<>(List.of(body(ready.get(flying))));
                    if (body != null) rest.add(body);
                    rest.addAll(bodies(ready, i + 1));
                    toSpool(rest, all);
                    return;
                }
            }
            if (body == null) break;
            byte[] b = body;
            inFlight = wire.submit(() -> {
                try {
                    send(b, config.retry());
                    return null;
                } catch (RestException e) {
                    return e;
                }
            });
            flying = i;
        }
    }

    private static byte[] body(Object o) {
        return o instanceof LogChunk c ? c.json() : (byte[]) o;
    }

    private static List<byte[]> bodies(List<Object> items, int from) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < items.size(); i++) out.add(body(items.get(i)));
        return out;
    }

    private static RestException await(Future<RestException> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "interrupted while sending logged values");
        } catch (ExecutionException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "sending logged values failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private void send(byte[] body, RetryPolicy policy) {
        http.postBytes("runs/log-batch", body, RestTransport.Repeat.SAFE, policy);
        requests.incrementAndGet();
    }

    private void toSpool(List<byte[]> bodies, boolean sync) {
        held.addAll(bodies);
        try {
            spool.append(held, sync);
            if (!held.isEmpty()) spooled = true;
            held.clear();
        } catch (JrunsException e) {
            problems.add(new JrunsException(JrunsException.Code.INTERNAL_ERROR, held.size()
                    + " log requests could not be written to the spool (" + e.getMessage()
                    + "): kept in memory, sent when " + config.displayName() + " answers", e));
        }
    }

    /** Replays the spool in order; stops at the first request that must be kept, and pauses. */
    private void drain() {
        try {
            Spool.Drained d = spool.drain(body -> {
                try {
                    send(body, RetryPolicy.ONCE);
                } catch (RestException e) {
                    if (e.keepData()) throw e;
                    problems.add(e); // refused for good: dropped from the spool, reported at the next flush
                }
            });
            if (d.emptied()) {
                spooled = false;
                pauseMs = 250;
                if (waiting || d.sent() > 0) {
                    config.warnings().accept("jruns: " + config.displayName() + " answers again; sent the "
                            + d.sent() + " log requests kept in " + spool.file());
                }
                waiting = false;
            }
        } catch (RestException e) {
            startWaiting(e);
            long jitter = ThreadLocalRandom.current().nextLong(pauseMs / 2 + 1);
            nextTryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs / 2 + jitter);
            pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
        } catch (JrunsException e) {
            problems.add(e); // the spool file itself failed; its data stays where it is
        }
    }

    private void startWaiting(RestException e) {
        lastFailure = e.getMessage();
        if (!waiting) {
            waiting = true;
            nextTryNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs);
            config.warnings().accept("jruns: " + e.getMessage() + "; logged values are kept in " + spool.file()
                    + " and sent when the server answers");
        }
    }

    /** Sends or spools what is pending and tries the spool once more; says what is left. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            settle();
            if (spooled || !held.isEmpty()) {
                config.warnings().accept("jruns: " + spool.pendingCount() + " log requests for " + config.displayName()
                        + " remain in " + spool.file() + "; they are sent the next time jruns logs to this server");
            }
        }
        wire.shutdown();
    }
}
