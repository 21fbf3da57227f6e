package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
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
import java.util.function.Predicate;

/**
 * Copies runs from one store to another (import is a copy from an {@link MlrunsStore}):
 * experiments by name (created when missing), then per run, parents before children, its
 * params, every point of every metric, tags (notes included), artifacts, status and times, and
 * its completion ({@link CopyCompletion}: parent link, completion tag, deletion), a group of
 * runs at a time ({@link CopyGroup}). A run
 * whose completed copy is already in the target (found by {@link SourceTags}), or that is a copy
 * of a run of the target, is skipped; an interrupted or failed copy of one run, or one made
 * while its source was running, is deleted and made again. A run the target refuses fails
 * alone ({@link CopyFailures}); an incomplete copy in the source is not copied onward.
 */
public final class RunCopier {
    private final StoreReader from;
    private final String fromUri;
    private final Store to;
    private final Predicate<String> isTarget;
    private final Progress progress;
    private final int runsPerGroup;

    /** {@code isTarget}: whether a tracking URI a copy names as its source is {@code to} (a copy back is no new run). */
    public RunCopier(StoreReader from, String fromUri, Store to, Predicate<String> isTarget, Progress progress) {
        this(from, fromUri, to, isTarget, progress, CopyGroup.RUNS);
    }

    /** {@code runsPerGroup}: runs written and completed together (see CopyGroup); tests stop copies between groups. */
    RunCopier(StoreReader from, String fromUri, Store to, Predicate<String> isTarget, Progress progress, int runsPerGroup) {
        this.from = from;
        this.fromUri = fromUri;
        this.to = to;
        this.isTarget = isTarget;
        this.progress = progress;
        this.runsPerGroup = runsPerGroup;
    }

    RunCopier(StoreReader from, String fromUri, Store to, Progress progress, int runsPerGroup) {
        this(from, fromUri, to, uri -> false, progress, runsPerGroup);
    }

    public TransferReport copy(Selection selection) {
        List<Experiment> experiments = selection.resolve(from);
        List<CopyOrder.Planned> planned = new ArrayList<>();
        Map<String, Run> existing = new HashMap<>(); // origin run id -> its copy in the target
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
        ParentLinks links = new ParentLinks(knownCopies(planned, existing));
        CopyCompletion completion = new CopyCompletion(to);
        CopyFailures failures = new CopyFailures();
        CopyGroup group = new CopyGroup(from, to, links, failures, runsPerGroup);
        CopyProgress shown = new CopyProgress(progress, planned.size());
        int done = 0;
        int refreshed = 0;
        int already = 0; // copied before, and not again
        int incomplete = 0; // incomplete copies in the source, not copied onward
        List<String> leftOut = new ArrayList<>();
        for (CopyOrder.Planned p : CopyOrder.parentsFirst(planned)) {
            Run run = p.source();
            done++;
            try {
                SourceTags.Origin origin = SourceTags.origin(run, fromUri);
                Run old = existing.get(origin.runId());
                if (SourceTags.isIncompleteCopy(run)) {
                    leftOut.add("run " + run.runId() + ", an incomplete copy (copying again from its source replaces it)");
                    incomplete++;
                    links.failed(run.runId());
                } else if (inTarget(origin)) {
                    already++; // a copy of the target's own run, copied back
                } else if (SourceTags.complete(old) && old.info().status() != RunStatus.RUNNING && !endedAsDeadInTarget(old, run)) {
                    if (!group.isEmpty()) group.flush(); // its parent link may name a run of the group
                    completion.repair(run, old, links);
                    already++;
                } else {
                    if (SourceTags.complete(old)) {
                        // its source was running when copied: copy it again as it is now, and the
                        // old copy is no longer a copy of it (deleted, restorable for 30 days)
                        to.deleteTag(old.runId(), SystemTags.COPY_SOURCE_RUN_ID);
                        refreshed++;
                    }
                    if (old != null && old.info().lifecycleStage() == LifecycleStage.ACTIVE) {
                        if (SourceTags.complete(old)) to.deleteRun(old.runId());
                        else CopyFailures.markIncomplete(to, old.runId()); // a copy stopped half-way, not a run anyone deleted
                    }
                    from.notCarried(run.runId()).ifPresent(what -> leftOut.add("run " + run.runId() + "'s " + what));
                    group.add(run, origin, p.targetExperiment());
                }
            } catch (RuntimeException e) {
                if (CopyFailures.stopsTheCopy(e)) throw e;
                failures.add(run, e);
                links.failed(run.runId());
            }
            shown.update(group.copied, already, failures.size(), incomplete);
        }
        if (!group.isEmpty()) group.flush();
        shown.update(group.copied, already, failures.size(), incomplete);
        List<String> failed = failures.lines();
        return new TransferReport(experiments.size(), done - already - incomplete - failed.size(), already, group.points,
                group.files, refreshed, leftOut, failed);
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

    /** Whether the origin is a run of the target itself: the run is a copy of it, being copied back. */
    private boolean inTarget(SourceTags.Origin origin) {
        return !origin.uri().equals(fromUri) && isTarget.test(origin.uri()) && to.getRun(origin.runId()).isPresent();
    }

    /**
     * The copies already in the target of the planned runs and of their parents outside the
     * selection (read from the source: a parent that is itself a copy is found by its origin),
     * by the source run's id, so parent links point at them.
     */
    private Map<String, String> knownCopies(List<CopyOrder.Planned> planned, Map<String, Run> existing) {
        Map<String, String> out = new HashMap<>();
        Set<String> ids = new HashSet<>();
        planned.forEach(p -> ids.add(p.source().runId()));
        Set<String> parents = new HashSet<>();
        for (CopyOrder.Planned p : planned) {
            known(p.source(), existing, out);
            p.source().parentRunId().filter(id -> !ids.contains(id)).ifPresent(parents::add);
        }
        for (String parent : parents) {
            if (existing.containsKey(parent)) {
                if (SourceTags.complete(existing.get(parent))) out.put(parent, existing.get(parent).runId());
                continue;
            }
            try {
                from.getRun(parent).ifPresent(r -> known(r, existing, out));
            } catch (JrunsException e) {
                // a parent the source cannot show: the link keeps its id, as for any parent not copied
            }
        }
        return out;
    }

    private void known(Run run, Map<String, Run> existing, Map<String, String> out) {
        SourceTags.Origin origin = SourceTags.origin(run, fromUri);
        Run copy = existing.get(origin.runId());
        if (SourceTags.complete(copy)) out.put(run.runId(), copy.runId());
        else if (!origin.runId().equals(run.runId()) && isTarget.test(origin.uri())) out.put(run.runId(), origin.runId());
    }

    private String targetExperiment(Experiment e) {
        Experiment found = to.getExperimentByName(e.name()).orElse(null);
        if (found != null) return found.experimentId();
        try {
            // as old as its source where the target can set it (not through MLflow's REST API)
            long created = e.creationTime() > 0 ? e.creationTime() : System.currentTimeMillis(); // 0: a meta.yaml without it
            return to.createExperiment(e.name(), null, e.tags(), created, Math.max(created, e.lastUpdateTime()));
        } catch (JrunsException ex) {
            if (ex.code() != JrunsException.Code.RESOURCE_ALREADY_EXISTS) throw ex;
            return to.getExperimentByName(e.name()).orElseThrow(() -> ex).experimentId();
        }
    }

    /** Runs of the target experiment that are copies, by the id of the run they name as source (the origin). */
    private Map<String, Run> existingCopies(String targetExperiment) {
        Map<String, Run> out = new HashMap<>();
        to.scanRuns(SearchRequest.builder().experiments(targetExperiment).viewType(ViewType.ALL)
                .filter("tags.`" + SystemTags.COPY_SOURCE_RUN_ID + "` LIKE '%'").build(), Long.MAX_VALUE, r -> {
                    String src = r.data().tags().get(SystemTags.COPY_SOURCE_RUN_ID);
                    Run seen = out.get(src);
                    if (seen == null || (SourceTags.complete(r) && !SourceTags.complete(seen))) out.put(src, r);
                });
        return out;
    }
}
