package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.store.Progress;
import io.jruns.search.SearchRequest;
import io.jruns.store.Store;
import io.jruns.store.StoreReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies runs from one store to another (import is a copy from an {@link MlrunsStore}):
 * experiments by name (created when missing), then per run, parents before children, its
 * params, every point of every metric, tags (notes included), artifacts, status and times, and
 * at once its completion ({@link CopyCompletion}: parent link, completion tag, deletion). A run
 * whose completed copy is already in the target (found by {@link SourceTags}) is skipped; an
 * interrupted copy of one run, or one made while its source was running, is deleted and made again.
 */
public final class RunCopier {
    private static final int POINTS_PER_CALL = 10_000;

    private final StoreReader from;
    private final String fromUri;
    private final Store to;
    private final Progress progress;

    public RunCopier(StoreReader from, String fromUri, Store to, Progress progress) {
        this.from = from;
        this.fromUri = fromUri;
        this.to = to;
        this.progress = progress;
    }

    public TransferReport copy(Selection selection) {
        List<Experiment> experiments = selection.resolve(from);
        List<CopyOrder.Planned> planned = new ArrayList<>();
        Map<String, Run> existing = new HashMap<>(); // source run id -> its copy in the target
        Set<String> looked = new HashSet<>();
        for (Experiment e : experiments) {
            List<Run> runs = new ArrayList<>();
            from.scanRuns(SearchRequest.builder().experiments(e.experimentId()).filter(selection.filter())
                    .viewType(ViewType.ALL).build(), Long.MAX_VALUE, runs::add);
            runs.sort(java.util.Comparator.comparingLong((Run r) -> r.info().startTime()).thenComparing(Run::runId));
            String target = targetExperiment(e);
            if (looked.add(target)) existing.putAll(existingCopies(target));
            runs.forEach(r -> planned.add(new CopyOrder.Planned(r, target)));
        }
        Map<String, String> idMap = new HashMap<>(); // source run id -> its completed copy's id
        existing.forEach((src, copy) -> {
            if (complete(copy)) idMap.put(src, copy.runId());
        });
        CopyCompletion completion = new CopyCompletion(to);
        int total = planned.size();
        int done = 0;
        long points = 0;
        int files = 0;
        int refreshed = 0;
        int already = 0; // copied before, and not again
        List<String> leftOut = new ArrayList<>();
        for (CopyOrder.Planned p : CopyOrder.parentsFirst(planned)) {
            Run run = p.source();
            Run old = existing.get(run.runId());
            if (complete(old) && old.info().status() != RunStatus.RUNNING) {
                completion.repair(run, old, idMap);
                already++;
            } else {
                if (complete(old)) {
                    // its source was running when copied: copy it again as it is now, and the
                    // old copy is no longer a copy of it (deleted, restorable for 30 days)
                    to.deleteTag(old.runId(), SystemTags.COPY_SOURCE_RUN_ID);
                    refreshed++;
                }
                if (old != null && old.info().lifecycleStage() == LifecycleStage.ACTIVE) to.deleteRun(old.runId());
                String id = createCopy(p.targetExperiment(), run);
                points += copyValues(run, id);
                files += copyArtifacts(run, id);
                to.updateRun(id, run.info().status(), run.info().endTime(), null);
                from.notCarried(run.runId()).ifPresent(what -> leftOut.add("run " + run.runId() + "'s " + what));
                idMap.put(run.runId(), id);
                completion.complete(run, id, idMap);
            }
            progress.update(already == 0 ? "runs copied" : "runs done (" + already + " already there)", ++done, total);
        }
        return new TransferReport(experiments.size(), done - already, already, points, files, refreshed, leftOut);
    }

    private static boolean complete(Run copy) {
        return copy != null && copy.data().tags().containsKey(SystemTags.COPIED_AT);
    }

    private String targetExperiment(Experiment e) {
        Experiment found = to.getExperimentByName(e.name()).orElse(null);
        if (found != null) return found.experimentId();
        try {
            return to.createExperiment(e.name(), null, e.tags());
        } catch (JrunsException ex) {
            if (ex.code() != JrunsException.Code.RESOURCE_ALREADY_EXISTS) throw ex;
            return to.getExperimentByName(e.name()).orElseThrow(() -> ex).experimentId();
        }
    }

    /** Runs of the target experiment that are copies, by their source run id. */
    private Map<String, Run> existingCopies(String targetExperiment) {
        Map<String, Run> out = new HashMap<>();
        to.scanRuns(SearchRequest.builder().experiments(targetExperiment).viewType(ViewType.ALL)
                .filter("tags.`" + SystemTags.COPY_SOURCE_RUN_ID + "` LIKE '%'").build(), Long.MAX_VALUE, r -> {
                    String src = r.data().tags().get(SystemTags.COPY_SOURCE_RUN_ID);
                    Run seen = out.get(src);
                    boolean complete = r.data().tags().containsKey(SystemTags.COPIED_AT);
                    if (seen == null || (complete && !seen.data().tags().containsKey(SystemTags.COPIED_AT))) out.put(src, r);
                });
        return out;
    }

    private String createCopy(String experimentId, Run run) {
        RunInfo i = run.info();
        List<RunTag> tags = new ArrayList<>();
        run.data().tags().forEach((k, v) -> {
            if (!k.equals(SystemTags.PARENT_RUN_ID) && !SourceTags.isSourceTag(k)) tags.add(new RunTag(k, v));
        });
        tags.add(new RunTag(SystemTags.COPY_SOURCE_RUN_ID, i.runId()));
        tags.add(new RunTag(SystemTags.COPY_SOURCE_URI, fromUri));
        String user = i.userId() == null || i.userId().isEmpty() ? null : i.userId();
        return to.createRun(experimentId, user, i.startTime(), i.runName(), tags).runId();
    }

    /**
     * The run's params and metric histories, as few store calls as fit POINTS_PER_CALL points
     * (one, for most runs: a call per metric key made an import of small runs crawl at 41 runs/s).
     */
    private long copyValues(Run run, String id) {
        List<Param> params = new ArrayList<>();
        run.data().params().forEach((k, v) -> params.add(new Param(k, v)));
        List<LogBatch> pending = new ArrayList<>();
        if (!params.isEmpty()) pending.add(new LogBatch(id, List.of(), params, List.of()));
        long n = 0;
        int held = 0;
        for (String key : run.data().metrics().keySet()) {
            List<Metric> h = from.getMetricHistory(run.runId(), key);
            for (int start = 0; start < h.size(); start += POINTS_PER_CALL) {
                List<Metric> part = h.subList(start, Math.min(h.size(), start + POINTS_PER_CALL));
                pending.add(new LogBatch(id, part, List.of(), List.of()));
                held += part.size();
                if (held >= POINTS_PER_CALL) {
                    write(pending);
                    held = 0;
                }
            }
            n += h.size();
        }
        write(pending);
        return n;
    }

    /** One call for the batches (one transaction on the embedded store); a refusal fails the copy, as logBatch did. */
    private void write(List<LogBatch> batches) {
        if (batches.isEmpty()) return;
        List<JrunsException> refused = to.logBatches(batches);
        batches.clear();
        if (!refused.isEmpty()) throw refused.get(0);
    }

    private int copyArtifacts(Run run, String id) {
        List<String> files = ArtifactWalk.files(from, run.runId());
        for (String path : files) to.logArtifact(id, from.downloadArtifact(run.runId(), path), ArtifactWalk.parent(path));
        return files.size();
    }
}
