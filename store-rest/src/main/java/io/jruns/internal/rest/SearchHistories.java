package io.jruns.internal.rest;

import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.search.SearchPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

/**
 * The metric histories a search's MIN/MAX need, read only for the runs whose latest values do
 * not settle the filter ({@link LatestBounds}) and a few runs at a time in parallel: MLflow
 * has one get-history request per run and key, and one after another they were most of a
 * jruns-only filter's time.
 */
final class SearchHistories {
    /** Requests in flight at once: what a small tracking server (gunicorn's few workers) takes well. */
    static final int PARALLEL = 8;

    private final RestStore store;
    private ExecutorService pool;

    SearchHistories(RestStore store) {
        this.store = store;
    }

    /** The runs in order, those that need it with their histories' MIN/MAX. */
    List<Run> enrich(List<Run> runs, SearchPlan plan, FilterPushdown.Split split) {
        if (!split.needsHistory()) return runs;
        List<Set<String>> wanted = new ArrayList<>(runs.size());
        int reads = 0;
        for (Run r : runs) {
            Set<String> keys = new TreeSet<>(split.orderHistoryKeys());
            boolean settled = plan.filter().isEmpty() || LatestBounds.settles(plan.filter().get(), r);
            if (!settled) keys.addAll(split.filterHistoryKeys());
            keys.retainAll(r.data().metrics().keySet());
            wanted.add(keys);
            reads += keys.size();
        }
        if (reads == 0) return runs;
        List<Future<Run>> futures = new ArrayList<>(runs.size());
        ExecutorService p = pool();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            Set<String> keys = wanted.get(i);
            futures.add(keys.isEmpty() ? java.util.concurrent.CompletableFuture.completedFuture(r) : p.submit(() -> read(r, keys)));
        }
        List<Run> out = new ArrayList<>(runs.size());
        for (Future<Run> f : futures) out.add(get(f));
        return out;
    }

    private Run read(Run r, Set<String> keys) {
        Map<String, List<Metric>> h = new LinkedHashMap<>();
        for (String key : keys) h.put(key, store.history(r.runId(), key));
        return WireRuns.withHistories(r, h);
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            ThreadPoolExecutor p = new ThreadPoolExecutor(PARALLEL, PARALLEL, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "jruns-rest-history");
                t.setDaemon(true); // never keeps a notebook's JVM alive
                return t;
            });
            p.allowCoreThreadTimeOut(true); // idle between searches: no threads left behind
            pool = p;
        }
        return pool;
    }

    private static Run get(Future<Run> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading metric histories", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re; // the store's own one-line error
            throw new IllegalStateException(e.getCause());
        }
    }
}
