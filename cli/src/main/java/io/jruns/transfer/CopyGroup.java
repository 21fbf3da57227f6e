package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.RunEnd;
import io.jruns.store.RunStart;
import io.jruns.store.Store;
import io.jruns.store.StoreReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs being copied, written a group at a time: one call (one transaction on the embedded
 * store) for the group's starts and values, then each run's artifacts, then one call for the
 * completion tags and ends, then deletions. A transaction and a flush per run, and a call per
 * run for each of start, values, end and completion, held an import to about 170 runs/s.
 * A copy stopped midway keeps every group completed before; the runs of the group it was in
 * have no completion tag and no end, so copying again replaces them, as it did a run stopped
 * midway. A run the target refuses fails alone ({@link CopyFailures}).
 */
final class CopyGroup {
    static final int RUNS = 200;
    static final int POINTS = 50_000;

    /**
     * A run whose values are written or held, to be completed with the group: {@code end} is
     * written with its completion tag (after its artifacts, so a copy stopped or failed midway
     * never leaves a FINISHED run), or by updateRun when {@code endLater}.
     */
    private record Pending(Run source, String copyId, RunEnd end, boolean endLater) {
    }

    private final StoreReader from;
    private final Store to;
    private final CopyCompletion completion;
    private final ParentLinks links;
    private final CopyFailures failures;
    private final int maxRuns;
    private final List<RunStart> starts = new ArrayList<>();
    private final List<LogBatch> batches = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> failed = new HashSet<>(); // copy ids of pending runs whose copy failed
    private int held; // points in batches
    /** Whether a run of the group was made at once (a store that plans no runs, a server): nothing to gain by waiting. */
    private boolean madeAtOnce;
    long points;
    int files;
    int copied; // runs whose copy was completed

    CopyGroup(StoreReader from, Store to, ParentLinks links, CopyFailures failures, int maxRuns) {
        this.from = from;
        this.to = to;
        this.completion = new CopyCompletion(to);
        this.links = links;
        this.failures = failures;
        this.maxRuns = maxRuns;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Adds a run to the group (its copy's id given out now, for its children's links), writing
     * the group when full. {@code origin}: the run and store its copy names as its source.
     */
    void add(Run run, SourceTags.Origin origin, String targetExperiment) {
        String id;
        try {
            id = start(targetExperiment, run, origin);
        } catch (RuntimeException e) {
            if (CopyFailures.stopsTheCopy(e)) throw e;
            failures.add(run, e);
            links.failed(run.runId());
            return;
        }
        links.copied(run.runId(), id);
        RunInfo i = run.info();
        boolean ended = i.status() != RunStatus.RUNNING && i.endTime() != null;
        // otherwise as before, by updateRun: a RunEnd needs both (a copy starts RUNNING, without an end time)
        Pending p = new Pending(run, id, ended ? new RunEnd(id, i.status(), i.endTime()) : null,
                !ended && (i.status() != RunStatus.RUNNING || i.endTime() != null));
        pending.add(p);
        try {
            values(run, id);
        } catch (RuntimeException e) {
            fail(p, e);
        }
        // a server's runs exist as soon as made: complete each at once, so a stopped copy leaves at most one to redo
        if (!madeAtOnce && pending.size() < maxRuns && held < POINTS) return;
        flush();
    }

    /** Writes what is held and completes the group's runs; those whose copy failed are marked incomplete. */
    void flush() {
        writeValues();
        for (Pending p : live()) {
            try {
                files += copyArtifacts(p.source(), p.copyId());
                RunInfo i = p.source().info();
                if (p.endLater()) to.updateRun(p.copyId(), i.status(), i.endTime(), null);
            } catch (RuntimeException e) {
                fail(p, e);
            }
        }
        for (Pending p : pending) {
            // a start refused with the values: its children, completed below, get no link to a run never made
            if (failed.contains(p.copyId()) && to.getRun(p.copyId()).isEmpty()) links.unmade(p.source().runId());
        }
        List<Pending> completing = live();
        List<LogBatch> done = new ArrayList<>(completing.size());
        List<RunEnd> ends = new ArrayList<>();
        for (Pending p : completing) {
            done.add(CopyCompletion.completionTags(p.source(), p.copyId(), links));
            if (p.end() != null) ends.add(p.end());
        }
        if (!done.isEmpty()) {
            refused(written(() -> ends.isEmpty() ? to.logBatches(done) : to.logBatches(List.of(), done, ends, false)), completing);
        }
        for (Pending p : live()) {
            try {
                completion.deleteIfDeletedAtSource(p.source(), p.copyId());
            } catch (RuntimeException e) {
                fail(p, e);
            }
        }
        copied += live().size();
        for (Pending p : pending) if (failed.contains(p.copyId())) CopyFailures.markIncomplete(to, p.copyId());
        pending.clear();
        failed.clear();
        madeAtOnce = false;
    }

    /** The pending runs whose copy has not failed. */
    private List<Pending> live() {
        return pending.stream().filter(p -> !failed.contains(p.copyId())).toList();
    }

    /** A run's copy failed: said at the end and marked incomplete at the flush; a failure of another kind stops the copy. */
    private void fail(Pending p, RuntimeException e) {
        if (CopyFailures.stopsTheCopy(e)) throw e;
        if (failed.add(p.copyId())) failures.add(p.source(), e);
    }

    /** What a write refused; a refusal thrown (not listed) is one too, any other failure stops the copy. */
    private static List<JrunsException> written(Supplier<List<JrunsException>> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (CopyFailures.stopsTheCopy(e)) throw e;
            return List.of((JrunsException) e);
        }
    }

    /**
     * What a write refused, put on the runs it names; a refusal that names none of them fails
     * every run of the write (a server gets one run at a time, so that is the one).
     */
    private void refused(List<JrunsException> refusals, List<Pending> in) {
        for (JrunsException e : refusals) {
            String m = String.valueOf(e.getMessage());
            List<Pending> named = in.stream().filter(p -> m.contains(p.copyId())).toList();
            for (Pending p : named.isEmpty() ? in : named) {
                if (failed.add(p.copyId())) failures.add(p.source(), e);
            }
        }
    }

    /** The copy's id: planned, to be written with the group, or made at once where the store plans no runs. */
    private String start(String experimentId, Run run, SourceTags.Origin origin) {
        RunInfo i = run.info();
        List<RunTag> tags = new ArrayList<>();
        run.data().tags().forEach((k, v) -> {
            if (!k.equals(SystemTags.PARENT_RUN_ID) && !SourceTags.isSourceTag(k)) tags.add(new RunTag(k, v));
        });
        tags.add(new RunTag(SystemTags.COPY_SOURCE_RUN_ID, origin.runId()));
        tags.add(new RunTag(SystemTags.COPY_SOURCE_URI, origin.uri()));
        Optional<RunStart> planned = to.planRun(experimentId, i.userId(), i.startTime(), i.runName(), tags);
        if (planned.isEmpty()) {
            madeAtOnce = true;
            return to.createRun(experimentId, i.userId(), i.startTime(), i.runName(), tags).runId();
        }
        // no owner: a copy of a running run stays RUNNING after this process exits, so copying again updates it
        starts.add(planned.get().unowned());
        return planned.get().info().runId();
    }

    /** The run's params and every metric's history; a long history goes in parts of at most POINTS points. */
    private void values(Run run, String id) {
        List<Param> params = new ArrayList<>();
        run.data().params().forEach((k, v) -> params.add(new Param(k, v)));
        if (!params.isEmpty()) batches.add(new LogBatch(id, List.of(), params, List.of()));
        for (String key : run.data().metrics().keySet()) {
            List<Metric> h = from.getMetricHistory(run.runId(), key);
            for (int start = 0; start < h.size(); start += POINTS) {
                List<Metric> part = h.subList(start, Math.min(h.size(), start + POINTS));
                batches.add(new LogBatch(id, part, List.of(), List.of()));
                held += part.size();
                if (held >= POINTS) writeValues(); // memory holds one part, however long the run
            }
            points += h.size();
        }
    }

    /** One call for the starts and batches held; what it refuses fails the runs held. */
    private void writeValues() {
        if (starts.isEmpty() && batches.isEmpty()) return;
        List<RunStart> s = List.copyOf(starts);
        List<LogBatch> b = List.copyOf(batches);
        starts.clear();
        batches.clear();
        held = 0;
        refused(written(() -> s.isEmpty() ? to.logBatches(b) : to.logBatches(s, b, List.of(), false)), live());
    }

    private int copyArtifacts(Run run, String id) {
        List<String> paths = ArtifactWalk.files(from, run.runId());
        for (String path : paths) to.logArtifact(id, from.downloadArtifact(run.runId(), path), ArtifactWalk.parent(path));
        return paths.size();
    }
}
