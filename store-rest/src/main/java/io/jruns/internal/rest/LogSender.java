package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.RunTag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The REST store's logging path. Values become log-batch requests ({@link LogBatcher}); each
 * is sent ({@link LogDelivery}), or, while the server cannot be reached, appended to the
 * {@link Spool} and replayed in order once it can (from a background thread, with growing
 * pauses). A request the server refuses for its content is dropped and reported; every other
 * failure keeps the data. While the spool holds requests, new ones queue behind them, so a
 * run's values stay in order. One line goes to the warnings when waiting starts, one when it ends.
 */
final class LogSender implements AutoCloseable {
    private static final long MAX_PAUSE_MS = 30_000;

    private final RestConfig config;
    private final Spool spool;
    private final LogBatcher batcher;
    private final LogDelivery delivery;
    /** Request bodies the spool could not take (disk full): kept here, ahead of newer ones. */
    private final List<byte[]> held = new ArrayList<>();
    private final List<JrunsException> problems = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private boolean spooled;
    private boolean waiting;
    private long nextTryNanos;
    private long pauseMs = 250;
    private String lastFailure;

    LogSender(RestTransport http) {
        this.config = http.config();
        this.spool = Spool.at(config.spoolFile());
        this.batcher = new LogBatcher(http);
        this.delivery = new LogDelivery(http, batcher.refusals());
        this.spooled = spool.hasPending(); // left by an earlier process: replayed in the background
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jruns-rest-sender");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, config.linger().toMillis() / 2);
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** The writer's path: never throws for an outage; returns what the server refused. */
    synchronized List<JrunsException> logBatches(List<LogBatch> batches, boolean durable) {
        batcher.askVersion(spooled);
        long start = System.nanoTime();
        batcher.add(batches, start, problems);
        pump(durable, false);
        long end = System.nanoTime();
        batcher.afterBusy(end, end - start);
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
        batcher.askVersion(spooled);
        List<JrunsException> refused = new ArrayList<>();
        for (LogChunk c : batcher.requestsNow(batches, refused)) delivery.deliver(c.json(), config.retry(), refused);
        if (!refused.isEmpty()) throw refused.get(0); // the rest was sent
    }

    /**
     * Ends or renames a run (runs/update) after everything logged before it; while the server
     * is away the update waits in the spool with the values, so whichever process replays the
     * spool gives the server the run's final status and end time.
     */
    synchronized void updateRun(String runId, String what, byte[] body) {
        settle();
        if (!spooled && held.isEmpty()) {
            try {
                delivery.update(body, config.retry());
                return;
            } catch (RestException e) {
                if (!e.keepData()) throw e;
                startWaiting(e);
            }
        }
        toSpool(List.of(LogDelivery.updateLine(body)), true);
        config.warnings().accept("jruns: the " + what + " of run " + runId + " waits in " + spool.file()
                + " with its values, and is sent when " + config.displayName() + " answers");
    }

    /** The tags of a new run as this server will keep them (cut when so asked); throws for one it would refuse or cut. */
    synchronized List<RunTag> newRunTags(List<RunTag> tags) {
        batcher.askVersion(spooled);
        return batcher.newRunTags(tags);
    }

    /** Sends everything pending (or spools it) and tries the spool once: before a call that must come after. */
    synchronized void settle() {
        if (!batcher.isEmpty() || !held.isEmpty()) pump(true, true);
        else if (spooled) drain();
    }

    /** Log-batch requests sent so far (for tests and benchmarks). */
    long requestsSent() {
        return delivery.requestsSent();
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
                else if (!batcher.isEmpty()) pump(false, false);
            }
        } catch (RuntimeException e) {
            lastFailure = e.getMessage(); // keep the thread alive; the next tick tries again
        }
    }

    /**
     * Moves requests on: replays the spool when due (or {@code forceDrain}), then sends what is
     * ready (everything when {@code all}), or appends it to the spool while that holds data.
     */
    private void pump(boolean all, boolean forceDrain) {
        long now = System.nanoTime();
        if (spooled && (forceDrain || now - nextTryNanos >= 0)) drain();
        List<Object> ready = new ArrayList<>(held);
        held.clear();
        ready.addAll(batcher.takeReady(all, now, config.linger().toNanos()));
        if (spooled) {
            toSpool(LogDelivery.bodies(ready, 0), all);
            return;
        }
        LogDelivery.Stopped stopped = delivery.sendInOrder(ready, problems);
        if (stopped != null) {
            startWaiting(stopped.failure());
            toSpool(stopped.rest(), all);
        }
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
            // values refused for good are dropped from the spool and reported at the next flush
            Spool.Drained d = spool.drain(body -> delivery.deliver(body, RetryPolicy.ONCE, problems));
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
        delivery.close();
    }
}
