package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.RunTag;
import io.jruns.store.LongValues;

import java.util.ArrayList;
import java.util.List;

/**
 * The batching half of the REST store's logging: values become log-batch requests within
 * the server's limits ({@link Outbox}). The limits come from the server's version, asked once
 * before the first values go out; values the server would refuse are screened out and
 * reported. Sending and keeping the requests is {@link LogSender}'s part.
 */
final class LogBatcher {
    private final RestTransport http;
    private final Outbox outbox;
    private final ServerRules rules;
    private final Refusals refusals;
    private boolean versionAsked;

    LogBatcher(RestTransport http) {
        this.http = http;
        this.outbox = new Outbox(LogLimits.MLFLOW, http.server());
        this.rules = new ServerRules(http.server());
        RestConfig config = http.config();
        this.refusals = new Refusals(rules, config.displayName(), config.warnings(), LongValues.fromEnvironment());
    }

    /** Learns the server's limits from its version, once; not while it is away ({@code serverAway}). */
    void askVersion(boolean serverAway) {
        if (versionAsked || serverAway) return;
        try {
            rules.version(http.getText("version"));
            versionAsked = true;
        } catch (RestException e) {
            versionAsked = e.kind() != RestException.Kind.UNAVAILABLE;
            if (versionAsked) rules.noVersion(); // no such page: MLflow's current limits
        }
    }

    /** Queues the values; those refused, or too big for any request, are added to {@code problems}. */
    void add(List<LogBatch> batches, long nowNanos, List<JrunsException> problems) {
        problems.addAll(outbox.add(refusals.screen(batches, problems), nowNanos));
    }

    /** The values as requests of their own, all ready, outside the queue; refused ones into {@code refused}. */
    List<LogChunk> requestsNow(List<LogBatch> batches, List<JrunsException> refused) {
        Outbox now = new Outbox(LogLimits.MLFLOW, http.server());
        refused.addAll(now.add(refusals.screen(batches, refused), System.nanoTime()));
        return now.takeReady(true, System.nanoTime(), 0);
    }

    /** The tags of a new run as the server will keep them (cut when so asked); throws for one it would refuse or cut. */
    List<RunTag> newRunTags(List<RunTag> tags) {
        List<RunTag> out = new ArrayList<>(tags.size());
        for (RunTag t : tags) out.add(refusals.checkNow(t));
        return out;
    }

    /** The queued requests to send now, in order ({@link Outbox#takeReady}). */
    List<LogChunk> takeReady(boolean all, long nowNanos, long lingerNanos) {
        return outbox.takeReady(all, nowNanos, lingerNanos);
    }

    boolean isEmpty() {
        return outbox.isEmpty();
    }

    /** The sender's busy time counts neither as idleness nor as age of the open requests. */
    void afterBusy(long nowNanos, long busyNanos) {
        outbox.afterBusy(nowNanos, busyNanos);
    }

    /** How the server's refusals are reported, for the sending side. */
    Refusals refusals() {
        return refusals;
    }
}
