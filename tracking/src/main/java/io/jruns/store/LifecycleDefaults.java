package io.jruns.store;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.ViewType;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Store's default run management, built from single-run calls (deleteRun, restoreRun,
 * listRuns), for stores that have nothing better. Such a store cannot record which delete
 * took a run, so a restore brings back the deleted descendants deleted at the same time or
 * later than the run itself. The embedded store overrides all of it with set-based SQL.
 */
final class LifecycleDefaults {
    private LifecycleDefaults() {
    }

    static long scan(StoreReader store, SearchRequest request, long limit, Consumer<Run> sink) {
        long n = 0;
        SearchRequest page = request;
        while (n < limit) {
            SearchResult r = store.searchRuns(page);
            for (Run run : r.runs()) {
                if (n == limit) return n;
                sink.accept(run);
                n++;
            }
            if (r.nextPageToken() == null) break;
            page = request.withPageToken(r.nextPageToken());
        }
        return n;
    }

    static int deleteRuns(Store store, List<String> runIds, boolean keepDescendants, Progress progress) {
        List<RunInfo> roots = require(store, runIds);
        LinkedHashMap<String, RunInfo> targets = new LinkedHashMap<>();
        for (RunInfo root : roots) {
            List<RunInfo> tree = keepDescendants ? List.of(root) : tree(store, root);
            for (RunInfo i : tree) if (i.lifecycleStage() == LifecycleStage.ACTIVE) targets.putIfAbsent(i.runId(), i);
        }
        int done = 0;
        for (RunInfo i : targets.values()) {
            store.deleteRun(i.runId());
            progress.update("runs deleted", ++done, targets.size());
        }
        return done;
    }

    static int restoreRuns(Store store, List<String> runIds, Progress progress) {
        LinkedHashMap<String, RunInfo> targets = new LinkedHashMap<>();
        for (RunInfo root : require(store, runIds)) {
            if (root.lifecycleStage() != LifecycleStage.DELETED) continue;
            for (RunInfo i : tree(store, root)) {
                boolean withIt = i == root || (i.lifecycleStage() == LifecycleStage.DELETED && i.deletedTime() != null
                        && root.deletedTime() != null && i.deletedTime() >= root.deletedTime());
                if (withIt) targets.putIfAbsent(i.runId(), i);
            }
        }
        int done = 0;
        for (RunInfo i : targets.values()) {
            store.restoreRun(i.runId());
            progress.update("runs restored", ++done, targets.size());
        }
        return done;
    }

    static int deleteCreatedBefore(Store store, String experimentId, long maxTimestamp, int maxRuns, Progress progress) {
        BulkLimits.timestamp("max timestamp", maxTimestamp);
        int cap = BulkLimits.maxRuns(maxRuns);
        List<RunInfo> chosen = infos(store, experimentId, ViewType.ACTIVE_ONLY).stream()
                .filter(i -> i.startTime() <= maxTimestamp)
                .sorted(Comparator.comparingLong(RunInfo::startTime).thenComparing(RunInfo::runId))
                .limit(cap).toList();
        int done = 0;
        for (RunInfo i : chosen) {
            store.deleteRun(i.runId());
            progress.update("runs deleted", ++done, chosen.size());
        }
        return done;
    }

    static int restoreDeletedSince(Store store, String experimentId, long minTimestamp, int maxRuns, Progress progress) {
        BulkLimits.timestamp("min timestamp", minTimestamp);
        int cap = BulkLimits.maxRuns(maxRuns);
        List<RunInfo> chosen = infos(store, experimentId, ViewType.DELETED_ONLY).stream()
                .filter(i -> i.deletedTime() != null && i.deletedTime() >= minTimestamp)
                .sorted(Comparator.comparing(RunInfo::deletedTime, Comparator.reverseOrder()).thenComparing(RunInfo::runId))
                .limit(cap).toList();
        int done = 0;
        for (RunInfo i : chosen) {
            store.restoreRun(i.runId());
            progress.update("runs restored", ++done, chosen.size());
        }
        return done;
    }

    private static List<RunInfo> require(Store store, List<String> runIds) {
        List<RunInfo> out = new ArrayList<>();
        for (String id : runIds) {
            out.add(store.getRun(id).orElseThrow(() -> JrunsException.notFound("run '" + id + "' does not exist")).info());
        }
        return out;
    }

    private static List<RunInfo> infos(Store store, String experimentId, ViewType view) {
        if (store.getExperiment(experimentId).isEmpty()) {
            throw JrunsException.notFound("experiment '" + experimentId + "' does not exist");
        }
        return store.listRuns(List.of(experimentId), view, Integer.MAX_VALUE).stream().map(Run::info).toList();
    }

    /** The run and every run below it in its experiment, parents before children. */
    private static List<RunInfo> tree(Store store, RunInfo root) {
        Map<String, List<Run>> children = new HashMap<>();
        for (Run r : store.listRuns(List.of(root.experimentId()), ViewType.ALL, Integer.MAX_VALUE)) {
            r.parentRunId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(r));
        }
        List<RunInfo> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        Deque<RunInfo> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            RunInfo i = todo.poll();
            if (seen.put(i.runId(), true) != null) continue; // a parent cycle must not loop forever
            out.add(i);
            for (Run c : children.getOrDefault(i.runId(), List.of())) todo.add(c.info());
        }
        return out;
    }
}
