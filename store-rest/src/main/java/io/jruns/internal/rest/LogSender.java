package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.store.LongValues;

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
    private final ServerRules rules = new ServerRules();
    private final Refusals refusals;
    private boolean versionAsked;
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
        this.refusals = new Refusals(rules, config.displayName(), config.warnings(), LongValues.fromEnvironment());
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
        askVersion();
        long start = System.nanoTime();
        problems.addAll(outbox.add(refusals.screen(batches, problems), start));
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
        askVersion();
        Outbox now = new Outbox(LogLimits.MLFLOW);
        List<JrunsException> refused = new ArrayList<>();
        refused.addAll(now.add(refusals.screen(batches, refused), System.nanoTime()));
        for (LogChunk c : now.takeReady(true, System.nanoTime(), 0)) deliver(c.json(), config.retry(), refused);
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
                http.postBytes(UPDATE, body, RestTransport.Repeat.SAFE, config.retry());
                return;
            } catch (RestException e) {
                if (!e.keepData()) throw e;
                startWaiting(e);
            }
        }
        toSpool(List.of(updateLine(body)), true);
        config.warnings().accept("jruns: the " + what + " of run " + runId + " waits in " + spool.file()
                + " with its values, and is sent when " + config.displayName() + " answers");
    }

    /** The tags of a new run as this server will keep them (cut when so asked); throws for one it would refuse or cut. */
    synchronized List<io.jruns.domain.RunTag> newRunTags(List<io.jruns.domain.RunTag> tags) {
        askVersion();
        List<io.jruns.domain.RunTag> out = new ArrayList<>(tags.size());
        for (io.jruns.domain.RunTag t : tags) out.add(refusals.checkNow(t));
        return out;
    }

    /** Learns the server's limits from its version, once, before the first values go out. */
    private void askVersion() {
        if (versionAsked || spooled) return;
        try {
            rules.version(http.getText("version"));
            versionAsked = true;
        } catch (RestException e) {
            versionAsked = e.kind() != RestException.Kind.UNAVAILABLE; // no such page: MLflow's current limits
        }
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
        Future<Sent> inFlight = null;
        int flying = -1;
        for (int i = 0; i <= ready.size(); i++) {
            byte[] body = i < ready.size() ? body(ready.get(i)) : null;
            if (inFlight != null) {
                Sent sent = await(inFlight);
                problems.addAll(sent.refused());
                RestException failed = sent.failed();
                if (failed != null) {
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
                List<JrunsException> refused = new ArrayList<>();
                try {
                    deliver(b, config.retry(), refused);
                    return new Sent(null, refused);
                } catch (RestException e) {
                    return new Sent(e, refused);
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

    /** What happened to one request on the wire: a failure to keep its data for, and values refused. */
    private record Sent(RestException failed, List<JrunsException> refused) {
    }

    private static Sent await(Future<Sent> f) {
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

    private static final String UPDATE = "runs/update";
    private static final byte[] UPDATE_PREFIX = (UPDATE + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A spool line for a runs/update: the endpoint, a space, the body (log-batch lines are the bare body). */
    private static byte[] updateLine(byte[] body) {
        byte[] line = java.util.Arrays.copyOf(UPDATE_PREFIX, UPDATE_PREFIX.length + body.length);
        System.arraycopy(body, 0, line, UPDATE_PREFIX.length, body.length);
        return line;
    }

    private static boolean isUpdate(byte[] line) {
        return java.util.Arrays.equals(line, 0, Math.min(line.length, UPDATE_PREFIX.length), UPDATE_PREFIX, 0,
                UPDATE_PREFIX.length);
    }

    /**
     * Sends one request or spool line. A log-batch the server refuses is split in halves until
     * the refused values stand alone, so every other value arrives; those are reported into
     * {@code refused}. Throws only when the data must be kept (the server is away).
     */
    private void deliver(byte[] line, RetryPolicy policy, List<JrunsException> refused) {
        if (isUpdate(line)) {
            byte[] body = java.util.Arrays.copyOfRange(line, UPDATE_PREFIX.length, line.length);
            try {
                http.postBytes(UPDATE, body, RestTransport.Repeat.SAFE, policy);
            } catch (RestException e) {
                if (e.keepData()) throw e;
                config.warnings().accept("jruns: " + e.getMessage()); // e.g. the run was deleted meanwhile
                refused.add(e);
            }
            return;
        }
        try {
            send(line, policy);
        } catch (RestException e) {
            if (e.keepData()) throw e;
            SplitRequest r = SplitRequest.of(line);
            if (!aboutValues(e) || r.size() == 0) refusals.refusedWhole(r.runId(), e, refused);
            else if (r.size() == 1) refusals.refusedByServer(r, e, refused);
            else for (byte[] half : r.halves()) deliver(half, policy, refused);
        }
    }

    /** Whether a refusal may concern some values only (not the run as a whole: missing, deleted). */
    private static boolean aboutValues(RestException e) {
        if (e.code() != JrunsException.Code.INVALID_PARAMETER_VALUE && e.httpStatus() != 500) return false;
        String m = e.serverMessage() == null ? e.getMessage() : e.serverMessage();
        return !m.contains("must be in the 'active' state") && !m.contains("Content-Type");
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
            // values refused for good are dropped from the spool and reported at the next flush
            Spool.Drained d = spool.drain(body -> deliver(body, RetryPolicy.ONCE, problems));
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
