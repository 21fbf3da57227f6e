package io.jruns;

import io.jruns.domain.JrunsException;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.internal.validate.Validation;
import io.jruns.internal.validate.ValueText;
import io.jruns.internal.writer.AsyncWriter;
import io.jruns.store.LongValues;
import io.jruns.store.RefusedValue;
import io.jruns.store.RunStart;
import io.jruns.store.Store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TrackingClient}'s writing to runs by id: values are validated at the call, so an error
 * names the caller's line, and written by a background writer. Kept apart from the client so
 * the client reads as its API, and the writer's ordering rules (starts, ends, flushes) sit
 * in one place.
 */
final class RunLogging {
    private final Store store;
    /** Started on the first logging call, so a client that only reads has no writer thread. */
    private volatile AsyncWriter writer;
    private final LongValues longValues = LongValues.fromEnvironment();
    /** Params logged through this client, so a conflicting value fails at the call. */
    private final Map<String, Map<String, String>> loggedParams = new ConcurrentHashMap<>();
    /** Runs this client started through the writer and has not ended: their end is queued too. */
    private final Set<String> startedHere = ConcurrentHashMap.newKeySet();
    /** Whether a run was ever started through the writer: then the store is handed out only after it. */
    private volatile boolean startedAny;

    RunLogging(Store store) {
        this.store = store;
    }

    private AsyncWriter writer() {
        AsyncWriter w = writer;
        if (w != null) return w;
        synchronized (this) {
            if (writer == null) writer = new AsyncWriter(store);
            return writer;
        }
    }

    /** The tags are checked first; where the store can plan the run, its row is queued on the writer. */
    RunInfo createRun(String experimentId, String runName, Map<String, String> tags, String user) {
        List<RunTag> tagList = tags.entrySet().stream().map(t -> {
            Validation.key("tag", t.getKey());
            return new RunTag(t.getKey(), Validation.tagValue(t.getKey(), t.getValue(), longValues));
        }).toList();
        long now = System.currentTimeMillis();
        Optional<RunStart> planned = store.planRun(experimentId, user, now, runName, tagList);
        if (planned.isEmpty()) return store.createRun(experimentId, user, now, runName, tagList);
        writer().start(planned.get());
        startedAny = true;
        startedHere.add(planned.get().info().runId());
        return planned.get().info();
    }

    void metric(String runId, String key, double value, long step) {
        Validation.key("metric", key);
        writer().metric(runId, key, value, System.currentTimeMillis(), step);
    }

    void param(String runId, String key, Object value) {
        Validation.key("param", key);
        String text = Validation.paramValue(key, ValueText.of(value), longValues);
        if (rememberParam(runId, key, text)) writer().param(runId, key, text);
    }

    /** Returns false when the same value was logged before, so it need not be written again. */
    private boolean rememberParam(String runId, String key, String value) {
        Map<String, String> params = loggedParams.computeIfAbsent(runId, r -> new ConcurrentHashMap<>());
        String old = params.putIfAbsent(key, value);
        if (old == null) return true;
        if (old.equals(value)) return false;
        throw Validation.paramConflict(runId, key, old, value);
    }

    void tag(String runId, String key, Object value) {
        Validation.key("tag", key);
        writer().tag(runId, key, Validation.tagValue(key, ValueText.of(value), longValues));
    }

    /** Deleting must not overtake a queued set of the same tag, so the queue drains first. */
    void deleteTag(String runId, String key) {
        Validation.key("tag", key);
        flush();
        store.deleteTag(runId, key);
    }

    /** A run started here ends through the writer, after its values; any other at once, after a flush. */
    void end(String runId, RunStatus status) {
        if (startedHere.remove(runId)) {
            writer().end(runId, status, System.currentTimeMillis());
            loggedParams.remove(runId);
            return;
        }
        JrunsException problem = null;
        try {
            flush();
        } catch (JrunsException e) {
            problem = e; // the run still ends: a refused value must not leave it RUNNING
        }
        store.updateRun(runId, status, System.currentTimeMillis(), null);
        loggedParams.remove(runId);
        if (problem != null && !RefusedValue.alreadyTold(problem)) throw problem;
    }

    void flush() {
        AsyncWriter w = writer;
        if (w != null) w.flush();
    }

    /** A run started a moment ago may still be queued: artifacts need its row. */
    void awaitWritten() {
        AsyncWriter w = writer;
        if (w != null) w.awaitWritten();
    }

    /** Before the store is handed to a tool: runs started here are in it once their start is written. */
    void awaitStarts() {
        if (!startedAny) return;
        try {
            awaitWritten();
        } catch (JrunsException e) {
            // an outage: the writer keeps the runs and retries; the next flush reports it
        }
    }

    /** Flushes and stops the writer, if one was started. */
    void close() {
        AsyncWriter w = writer;
        if (w != null) w.close();
    }
}
