package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.RunTag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The REST store's logging path. Values become log-batch requests ({@link LogBatcher}); each
 * is sent ({@link LogDelivery}), or, while the server cannot be reached, appended to the
 * {@link Spool} and replayed in order once it can (from a background thread, with growing
 * pauses). A request the server refuses for its content is dropped and reported; every other
 * failure keeps the data. While the spool holds requests, new ones queue behind them, so a
 * run's values stay in order. One line goes to the warnings when waiting starts, one when it ends.
 * When the spool itself cannot be written, requests are held in memory ({@link Unspooled}) and
 * said to be unsaved, then lost at the end; never said to be in the spool.
 */
final class LogSender implements AutoCloseable {
    private final RestConfig config;
    private final Spool spool;
    private final LogBatcher batcher;
    private final LogDelivery delivery;
    /** Request bodies the spool could not take (disk full): kept here, ahead of newer ones. */
    private final Unspooled held = new Unspooled();
    private final List<JrunsException> problems = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final Outage outage;
    private boolean spooled;
    /** Inside a writer's round ({@link #round}): what is not saved is said once, at its end. */
    private boolean inRound;

    LogSender(RestTransport http) {
        this.config = http.config();
        this.spool = Spool.at(config.spoolFile());
        this.outage = new Outage(config, spool.file());
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
        if (!inRound) reportUnsaved(problems);
        List<JrunsException> out = new ArrayList<>(problems);
        problems.clear();
        return out;
    }

    /** A writer's round (values, then run ends): what could not be saved is said in one line at its end. */
    synchronized List<JrunsException> round(Supplier<List<JrunsException>> round) {
        inRound = true;
        List<JrunsException> out;
        try {
            out = new ArrayList<>(round.get());
        } finally {
            inRound = false;
        }
        reportUnsaved(out);
        return out;
    }

    /** Sends now, behind everything pending, or throws: for synchronous callers (copy, logBatch). */
    synchronized void sendNow(List<LogBatch> batches) {
        settle();
        if (spooled || !held.isEmpty()) {
            throw new RestException(RestException.Kind.UNAVAILABLE, JrunsException.Code.INTERNAL_ERROR, 0, null,
                    "earlier logged values still wait in " + (held.isEmpty() ? "the spool " + spool.file() : held.where(spool.file()))
                            + " for " + config.displayName()
                            + (outage.lastFailure() == null ? "" : " (" + outage.lastFailure() + ")"), null);
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
                outage.started(e, spooled);
            }
        }
        if (toSpool(List.of(LogDelivery.updateLine(body)), true)) {
            config.warnings().accept("jruns: the " + what + " of run " + runId + " waits in " + spool.file()
                    + " with its values, and is sent when " + config.displayName() + " answers");
        } else if (!inRound) {
            List<JrunsException> unsaved = new ArrayList<>();
            reportUnsaved(unsaved);
            if (!unsaved.isEmpty()) throw unsaved.get(0);
        }
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
                if (spooled && outage.due(System.nanoTime())) pump(false, true);
                else if (!batcher.isEmpty()) pump(false, false);
            }
        } catch (RuntimeException e) {
            // keep the thread alive; the next tick tries again
        }
    }

    /**
     * Moves requests on: replays the spool when due (or {@code forceDrain}), then sends what is
     * ready (everything when {@code all}), or appends it to the spool while that holds data.
     */
    private void pump(boolean all, boolean forceDrain) {
        long now = System.nanoTime();
        if (spooled && (forceDrain || outage.due(now))) drain();
        List<Object> ready = new ArrayList<>(held.takeAll());
        int wereHeld = ready.size();
        ready.addAll(batcher.takeReady(all, now, config.linger().toNanos()));
        if (spooled) {
            toSpool(LogDelivery.bodies(ready, 0), all);
            return;
        }
        LogDelivery.Stopped stopped = delivery.sendInOrder(ready, problems);
        if (stopped != null) {
            outage.started(stopped.failure(), false);
            toSpool(stopped.rest(), all);
        } else if (wereHeld > 0) {
            if (held.gone()) {
                config.warnings().accept("jruns: " + config.displayName() + " answers again; sent "
                        + Texts.count(wereHeld, "log request") + " held in memory");
            }
            outage.over();
        }
    }

    /** Appends to the spool, behind what the spool could not take before; false when it cannot be written. */
    private boolean toSpool(List<byte[]> bodies, boolean sync) {
        List<byte[]> all = held.takeAll();
        all.addAll(bodies);
        try {
            spool.append(all, sync);
        } catch (JrunsException e) {
            held.hold(all, e);
            return false;
        }
        if (!all.isEmpty()) spooled = true;
        held.gone();
        outage.sayKept();
        return true;
    }

    /**
     * Says what is held in memory only: into {@code into} (thrown at the next flush). When the
     * JVM is exiting nothing will send it: it is said to be lost, on the warnings (no flush
     * comes to throw it), and let go.
     */
    private void reportUnsaved(List<JrunsException> into) {
        if (held.isEmpty()) return; // the common case, each round: no shutdown probe for nothing to say
        boolean exiting = JvmExit.inProgress();
        JrunsException r = held.report(config, spool.file(), outage.lastFailure(), exiting);
        if (r != null && exiting) config.warnings().accept("jruns: " + r.getMessage());
        else if (r != null) into.add(r);
    }

    /** Replays the spool in order; stops at the first request that must be kept, and pauses. */
    private void drain() {
        try {
            // values refused for good are dropped from the spool and reported at the next flush
            Spool.Drained d = spool.drain(body -> delivery.deliver(body, RetryPolicy.ONCE, problems));
            if (d.emptied()) {
                spooled = false;
                if (outage.over() || d.sent() > 0) {
                    config.warnings().accept("jruns: " + config.displayName() + " answers again; sent "
                            + Texts.count(d.sent(), "log request") + " kept in " + spool.file());
                }
            }
        } catch (RestException e) {
            outage.replayFailed(e);
        } catch (JrunsException e) {
            problems.add(e); // the spool file itself failed; its data stays where it is
        }
    }

    /** Sends or spools what is pending and tries the spool once more; says what is left. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            settle();
            JrunsException lost = held.report(config, spool.file(), outage.lastFailure(), true);
            if (lost != null) config.warnings().accept("jruns: " + lost.getMessage());
            int left = spooled ? spool.pendingCount() : 0;
            if (left > 0) {
                config.warnings().accept("jruns: " + Texts.count(left, "log request") + " for " + config.displayName()
                        + " remain in " + spool.file() + "; they are sent the next time jruns logs to this server");
            }
        }
        delivery.close();
    }
}
