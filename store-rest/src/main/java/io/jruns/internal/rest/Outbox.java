package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logged values waiting to become log-batch requests, split to fit {@link LogLimits}. A run's
 * last request stays open so the next values fill it: 100,000 points become 100 requests
 * however the writer's rounds fall. Full requests are ready at once; an open one when the
 * caller flushes or when nothing was added to it for the linger time.
 */
final class Outbox {
    private final LogLimits limits;
    private final ServerIdentity server;
    private final List<LogChunk> chunks = new ArrayList<>();
    private final Map<String, LogChunk> open = new HashMap<>();
    /** NaN and infinite points already queued per run: the server cannot tell two of them apart. */
    private final Map<String, Set<Metric>> nonFinite = new HashMap<>();
    private static final int NON_FINITE_MEMORY = 100_000;

    /** For a server not known to be jruns ui. */
    Outbox(LogLimits limits) {
        this(limits, new ServerIdentity());
    }

    Outbox(LogLimits limits, ServerIdentity server) {
        this.limits = limits;
        this.server = server;
    }

    /** Adds the values; returns the ones that cannot fit even an empty request (over 1 MB alone). */
    List<JrunsException> add(List<LogBatch> batches, long nowNanos) {
        List<JrunsException> tooBig = new ArrayList<>();
        for (LogBatch b : batches) {
            String run = b.runId();
            for (Param p : b.params()) {
                if (!chunk(run, nowNanos).addParam(p.key(), p.value())
                        && !fresh(run, nowNanos).addParam(p.key(), p.value())) tooBig.add(tooBig(run, "param", p.key()));
            }
            for (Metric m : b.metrics()) {
                if (!Double.isFinite(m.value()) && !server.isJruns() && !firstOfItsKind(run, m)) continue;
                if (!chunk(run, nowNanos).addMetric(m) && !fresh(run, nowNanos).addMetric(m)) {
                    tooBig.add(tooBig(run, "metric", m.key()));
                }
            }
            for (RunTag t : b.tags()) {
                if (!chunk(run, nowNanos).addTag(t.key(), t.value())
                        && !fresh(run, nowNanos).addTag(t.key(), t.value())) tooBig.add(tooBig(run, "tag", t.key()));
            }
        }
        return tooBig;
    }

    /**
     * False for a NaN or infinite point equal in key, value, timestamp and step to one queued
     * before: MLflow's SQL store tells finite duplicates apart and keeps one, but two such
     * points break its metrics table's primary key and fail the whole request (UNIQUE
     * constraint). The value is the same, so sending it once loses little (the point count).
     * jruns ui keeps every point, as the embedded store does, so there all of them are sent.
     */
    private boolean firstOfItsKind(String runId, Metric m) {
        Set<Metric> seen = nonFinite.computeIfAbsent(runId, r -> new HashSet<>());
        if (seen.size() >= NON_FINITE_MEMORY) seen.clear(); // collisions come close together
        return seen.add(m); // records compare doubles as Double.compare does: NaN equals NaN
    }

    private static JrunsException tooBig(String runId, String what, String key) {
        return JrunsException.invalid(what + " '" + Texts.head(key) + "' of run " + runId
                + " does not fit in one MLflow request (1 MB): not sent");
    }

    private LogChunk chunk(String runId, long now) {
        LogChunk c = open.get(runId);
        if (c == null || c.isClosed()) return fresh(runId, now);
        c.touchedNanos = now;
        return c;
    }

    private LogChunk fresh(String runId, long now) {
        LogChunk c = new LogChunk(runId, limits, now);
        open.put(runId, c);
        chunks.add(c);
        return c;
    }

    /**
     * Removes and returns, in order, the requests to send now: every one when {@code all}, else
     * the full ones and open ones idle for {@code lingerNanos} (or older than 20 lingers).
     * A run's requests keep their order: an open one holds back nothing logged after it.
     */
    List<LogChunk> takeReady(boolean all, long nowNanos, long lingerNanos) {
        List<LogChunk> out = new ArrayList<>();
        for (Iterator<LogChunk> it = chunks.iterator(); it.hasNext(); ) {
            LogChunk c = it.next();
            boolean ready = all || c.isClosed() || nowNanos - c.touchedNanos >= lingerNanos
                    || nowNanos - c.createdNanos >= 20 * lingerNanos;
            if (!ready) continue;
            it.remove();
            if (open.get(c.runId) == c) open.remove(c.runId);
            if (!c.isEmpty()) out.add(c);
        }
        return out;
    }

    /**
     * After the sender was busy for {@code busyNanos}: that time counts neither as idleness nor
     * as age of the open requests (the next values were queued meanwhile, not missing).
     */
    void afterBusy(long nowNanos, long busyNanos) {
        for (LogChunk c : open.values()) {
            c.touchedNanos = nowNanos;
            c.createdNanos += busyNanos;
        }
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    int size() {
        return chunks.size();
    }
}
