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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs being copied, written a group at a time: one call (one transaction on the embedded
 * store) for the group's starts, values and ends, then each run's artifacts, then one call
 * for the completion tags, then deletions. A transaction and a flush per run, and a call per
 * run for each of start, values, end and completion, held an import to about 170 runs/s.
 * A copy stopped midway keeps every group completed before; the runs of the group it was in
 * have no completion tag, so copying again replaces them, as it did a run stopped midway.
 */
final class CopyGroup {
    static final int RUNS = 200;
    static final int POINTS = 50_000;

    /** A run whose values are written or held, to be completed with the group; {@code endLater}: by updateRun. */
    private record Pending(Run source, String copyId, boolean endLater) {
    }

    private final StoreReader from;
    private final String fromUri;
    private final Store to;
    private final CopyCompletion completion;
    private final Map<String, String> idMap;
    private final int maxRuns;
    private final List<RunStart> starts = new ArrayList<>();
    private final List<LogBatch> batches = new ArrayList<>();
    private final List<RunEnd> ends = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private int held; // points in batches
    /** Whether a run of the group was made at once (a store that plans no runs, a server): nothing to gain by waiting. */
    private boolean madeAtOnce;
    long points;
    int files;

    CopyGroup(StoreReader from, String fromUri, Store to, Map<String, String> idMap, int maxRuns) {
        this.from = from;
        this.fromUri = fromUri;
        this.to = to;
        this.completion = new CopyCompletion(to);
        this.idMap = idMap;
        this.maxRuns = maxRuns;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Adds a run to the group (its copy's id given out now, for its children's links); true when the group was written. */
    boolean add(Run run, String targetExperiment) {
        String id = start(targetExperiment, run);
        idMap.put(run.runId(), id);
        values(run, id);
        RunInfo i = run.info();
        boolean ended = i.status() != RunStatus.RUNNING && i.endTime() != null;
        if (ended) ends.add(new RunEnd(id, i.status(), i.endTime()));
        // otherwise as before, by updateRun: a RunEnd needs both (a copy starts RUNNING, without an end time)
        pending.add(new Pending(run, id, !ended && (i.status() != RunStatus.RUNNING || i.endTime() != null)));
        // a server's runs exist as soon as made: complete each at once, so a stopped copy leaves at most one to redo
        if (!madeAtOnce && pending.size() < maxRuns && held < POINTS) return false;
        flush();
        return true;
    }

    /** Writes what is held and completes the group's runs. */
    void flush() {
        writeValues();
        for (Pending p : pending) {
            RunInfo i = p.source().info();
            if (p.endLater()) to.updateRun(p.copyId(), i.status(), i.endTime(), null);
            files += copyArtifacts(p.source(), p.copyId());
        }
        List<LogBatch> done = new ArrayList<>(pending.size());
        for (Pending p : pending) done.add(CopyCompletion.completionTags(p.source(), p.copyId(), idMap));
        write(done);
        for (Pending p : pending) completion.deleteIfDeletedAtSource(p.source(), p.copyId());
        pending.clear();
        madeAtOnce = false;
    }

    /** The copy's id: planned, to be written with the group, or made at once where the store plans no runs. */
    private String start(String experimentId, Run run) {
        RunInfo i = run.info();
        List<RunTag> tags = new ArrayList<>();
        run.data().tags().forEach((k, v) -> {
            if (!k.equals(SystemTags.PARENT_RUN_ID) && !SourceTags.isSourceTag(k)) tags.add(new RunTag(k, v));
        });
        tags.add(new RunTag(SystemTags.COPY_SOURCE_RUN_ID, i.runId()));
        tags.add(new RunTag(SystemTags.COPY_SOURCE_URI, fromUri));
        String user = i.userId() == null || i.userId().isEmpty() ? null : i.userId();
        Optional<RunStart> planned = to.planRun(experimentId, user, i.startTime(), i.runName(), tags);
        if (planned.isEmpty()) {
            madeAtOnce = true;
            return to.createRun(experimentId, user, i.startTime(), i.runName(), tags).runId();
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

    /** One call for the starts, batches and ends held; a refusal fails the copy, as logBatch did. */
    private void writeValues() {
        if (starts.isEmpty() && batches.isEmpty() && ends.isEmpty()) return;
        List<JrunsException> refused = starts.isEmpty() && ends.isEmpty() ? to.logBatches(batches)
                : to.logBatches(starts, batches, ends, false);
        starts.clear();
        batches.clear();
        ends.clear();
        held = 0;
        if (!refused.isEmpty()) throw refused.get(0);
    }

    private void write(List<LogBatch> tags) {
        if (tags.isEmpty()) return;
        List<JrunsException> refused = to.logBatches(tags);
        if (!refused.isEmpty()) throw refused.get(0);
    }

    private int copyArtifacts(Run run, String id) {
        List<String> paths = ArtifactWalk.files(from, run.runId());
        for (String path : paths) to.logArtifact(id, from.downloadArtifact(run.runId(), path), ArtifactWalk.parent(path));
        return paths.size();
    }
}
