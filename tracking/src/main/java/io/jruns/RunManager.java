package io.jruns;

import io.jruns.internal.manage.ExperimentRefs;
import io.jruns.internal.manage.RunRefs;

import io.jruns.store.BulkLimits;
import io.jruns.store.GcResult;
import io.jruns.store.Progress;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import io.jruns.store.LongValues;
import io.jruns.internal.validate.Validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Managing runs named the way people name them ({@link RunRefs}): rename, tags, delete and
 * restore, bulk by time, gc. The Java API and the CLI both go through it; it writes straight
 * to the store (callers with an asynchronous writer flush it first).
 *
 * @param store where the runs are
 * @param nameScope the experiments in which run names are looked up
 */
public record RunManager(Store store, List<String> nameScope) {

    public RunManager {
        nameScope = List.copyOf(nameScope);
    }

    /** A run to work on: active runs for prefixes and names; a full id in any state. */
    public Run resolve(String ref) {
        return RunRefs.resolve(store, ref, nameScope, ViewType.ACTIVE_ONLY);
    }

    /** Renames a run; its {@code mlflow.runName} tag follows. Returns the run id. */
    public String rename(String ref, String name) {
        if (name == null || name.isBlank()) throw JrunsException.invalid("a run name cannot be empty");
        String value = Validation.tagValue(SystemTags.RUN_NAME, name, LongValues.fromEnvironment());
        String id = resolve(ref).runId();
        store.updateRun(id, null, null, value);
        return id;
    }

    /** {@link #end(String, RunStatus, boolean)} without force: a run whose process is alive is refused. */
    public String end(String ref, RunStatus status) {
        return end(ref, status, false);
    }

    /**
     * Ends a run still RUNNING (or SCHEDULED) as {@code status}, now: one whose process cannot end it
     * any more, such as a client of {@code jruns ui} that died (runs made over the API, copied or
     * imported have no owner here, so nothing ends them as dead). A run that has ended is refused,
     * so its end time is never overwritten; so is a run whose owning process is alive
     * ({@link io.jruns.store.StoreReader#liveOwner}), unless {@code force}. Returns the run id.
     */
    public String end(String ref, RunStatus status, boolean force) {
        if (status == null || !status.isTerminated()) {
            throw JrunsException.invalid("a run ends as FINISHED, FAILED or KILLED, not " + status);
        }
        Run run = resolve(ref);
        RunStatus now = run.info().status();
        if (now.isTerminated()) {
            throw JrunsException.invalid("run " + run.runId() + " has already ended (" + now + "): nothing to end");
        }
        if (!force) {
            store.liveOwner(run.runId()).ifPresent(owner -> {
                throw JrunsException.invalid("run " + run.runId() + " is still being logged by " + owner
                        + ", which is alive: end it there (%run end, or interrupt its cell), or force it"
                        + " (jruns runs end --force; on the run page, 'end it here anyway')");
            });
        }
        store.updateRun(run.runId(), status, System.currentTimeMillis(), null);
        return run.runId();
    }

    /** Adds or changes a tag on a run, also one that has ended. Returns the run id. */
    public String setTag(String ref, String key, String value) {
        Validation.key("tag", key);
        String v = Validation.tagValue(key, value, LongValues.fromEnvironment());
        String id = resolve(ref).runId();
        if (key.equals(SystemTags.RUN_NAME)) store.updateRun(id, null, null, v);
        else store.logBatch(new LogBatch(id, List.of(), List.of(), List.of(new RunTag(key, v))));
        return id;
    }

    /** Sets several tags on a run; every key and value is checked before any is set. Returns the run id. */
    public String setTags(String ref, java.util.Map<String, String> tags) {
        LongValues limits = LongValues.fromEnvironment();
        tags.forEach((k, v) -> {
            Validation.key("tag", k);
            Validation.tagValue(k, v, limits);
        });
        String id = resolve(ref).runId();
        tags.forEach((k, v) -> setTag(id, k, v));
        return id;
    }

    /** Removes a tag from a run; a tag the run does not have is an error. Returns the run id. */
    public String deleteTag(String ref, String key) {
        Validation.key("tag", key);
        String id = resolve(ref).runId();
        store.deleteTag(id, key);
        return id;
    }

    /** Deletes runs (and, unless {@code keepDescendants}, the runs below them); returns how many changed. */
    public int delete(List<String> refs, boolean keepDescendants, Progress progress) {
        return store.deleteRuns(ids(refs, ViewType.ACTIVE_ONLY), keepDescendants, progress);
    }

    /** Restores deleted runs and the descendants deleted with them; returns how many changed. */
    public int restore(List<String> refs, Progress progress) {
        return store.restoreRuns(ids(refs, ViewType.DELETED_ONLY), progress);
    }

    /** Deletes an experiment's runs created at or before the time; {@code maxRuns} null means 10,000. */
    public int deleteCreatedBefore(String experiment, long maxTimestampMillis, Integer maxRuns, Progress progress) {
        BulkLimits.timestamp("max timestamp", maxTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        String id = ExperimentRefs.resolve(store, experiment).experimentId();
        return store.deleteRunsCreatedBefore(id, maxTimestampMillis, cap, progress);
    }

    /** Restores an experiment's runs deleted at or after the time; {@code maxRuns} null means 10,000. */
    public int restoreDeletedSince(String experiment, long minTimestampMillis, Integer maxRuns, Progress progress) {
        BulkLimits.timestamp("min timestamp", minTimestampMillis);
        int cap = BulkLimits.maxRuns(maxRuns);
        String id = ExperimentRefs.resolve(store, experiment).experimentId();
        return store.restoreRunsDeletedSince(id, minTimestampMillis, cap, progress);
    }

    /** Purges runs deleted longer ago than {@code olderThan} (not negative). */
    public GcResult gc(Duration olderThan, Progress progress) {
        if (olderThan.isNegative()) throw JrunsException.invalid("gc: the age of deleted runs cannot be negative");
        return store.gc(System.currentTimeMillis() - olderThan.toMillis(), progress);
    }

    private List<String> ids(List<String> refs, ViewType view) {
        if (refs.isEmpty()) throw JrunsException.invalid("no runs given");
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String ref : refs) ids.add(RunRefs.resolve(store, ref, nameScope, view).runId());
        return new ArrayList<>(ids);
    }
}
