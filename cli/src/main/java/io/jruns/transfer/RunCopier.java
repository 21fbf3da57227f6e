package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.LogBatch;
import io.jruns.domain.RunTag;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
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
 * its completion ({@link CopyCompletion}: parent link, completion tag, deletion), a group of
 * runs at a time ({@link CopyGroup}). A run
 * whose completed copy is already in the target (found by {@link SourceTags}) is skipped; an
 * interrupted copy of one run, or one made while its source was running, is deleted and made again.
 */
public final class RunCopier {
    private final StoreReader from;
    private final String fromUri;
    private final Store to;
    private final Progress progress;
    private final int runsPerGroup;

    public RunCopier(StoreReader from, String fromUri, Store to, Progress progress) {
        this(from, fromUri, to, progress, CopyGroup.RUNS);
    }

    /** {@code runsPerGroup}: runs written and completed together (see CopyGroup); tests stop copies between groups. */
    RunCopier(StoreReader from, String fromUri, Store to, Progress progress, int runsPerGroup) {
        this.from = from;
        this.fromUri = fromUri;
        this.to = to;
        this.progress = progress;
        this.runsPerGroup = runsPerGroup;
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
        Map<String, String> idMap = new HashMap<>(); // source run id -> its copy's id, completed or in the group
        existing.forEach((src, copy) -> {
            if (complete(copy)) idMap.put(src, copy.runId());
        });
        CopyCompletion completion = new CopyCompletion(to);
        CopyGroup group = new CopyGroup(from, fromUri, to, idMap, runsPerGroup);
        int total = planned.size();
        int done = 0;
        int refreshed = 0;
        int already = 0; // copied before, and not again
        List<String> leftOut = new ArrayList<>();
        for (CopyOrder.Planned p : CopyOrder.parentsFirst(planned)) {
            Run run = p.source();
            Run old = existing.get(run.runId());
            boolean written;
            if (complete(old) && old.info().status() != RunStatus.RUNNING && !endedAsDeadInTarget(old, run)) {
                if (!group.isEmpty()) group.flush(); // its parent link may name a run of the group
                completion.repair(run, old, idMap);
                already++;
                written = true;
            } else {
                if (complete(old)) {
                    // its source was running when copied: copy it again as it is now, and the
                    // old copy is no longer a copy of it (deleted, restorable for 30 days)
                    to.deleteTag(old.runId(), SystemTags.COPY_SOURCE_RUN_ID);
                    refreshed++;
                }
                if (old != null && old.info().lifecycleStage() == LifecycleStage.ACTIVE) {
                    if (complete(old)) {
                        to.deleteRun(old.runId());
                    } else {
                        // a copy stopped half-way, not a run anyone deleted: said so, and the next gc purges it
                        to.logBatch(new LogBatch(old.runId(), List.of(), List.of(),
                                List.of(new RunTag(SystemTags.COPY_INCOMPLETE, "true"))));
                        to.deleteRun(old.runId(), 1L);
                    }
                }
                from.notCarried(run.runId()).ifPresent(what -> leftOut.add("run " + run.runId() + "'s " + what));
                written = group.add(run, p.targetExperiment());
            }
            done++;
            if (written) progress.update(already == 0 ? "runs copied" : String.format(java.util.Locale.ROOT, "runs done (%,d already there)", already), done, total);
        }
        if (!group.isEmpty()) {
            group.flush();
            progress.update(already == 0 ? "runs copied" : String.format(java.util.Locale.ROOT, "runs done (%,d already there)", already), done, total);
        }
        return new TransferReport(experiments.size(), done - already, already, group.points, group.files, refreshed, leftOut);
    }

    /**
     * Whether the target ended the copy as dead (its own KILLED reason, not the source's): earlier
     * jruns builds owned the copies they made, so a copy of a running run was ended KILLED once
     * the copy exited. Such a copy was made while its source ran, and is copied again.
     */
    private static boolean endedAsDeadInTarget(Run copy, Run source) {
        String reason = copy.data().tags().get(SystemTags.KILLED_REASON);
        return reason != null && !reason.equals(source.data().tags().get(SystemTags.KILLED_REASON));
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
}
