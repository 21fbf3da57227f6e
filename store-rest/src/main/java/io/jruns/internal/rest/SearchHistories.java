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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

/**
 * The metric histories a search's MIN/MAX need, read only for the runs whose latest values do
 * not settle the filter ({@link LatestBounds}), a hundred runs a request where the server has
 * get-history-bulk-interval, else one get-history per run and key, a few at a time: one after
 * another they were most of a jruns-only filter's time.
 */
final class SearchHistories {
    /** Requests in flight at once: what a small tracking server (gunicorn's few workers) takes well. */
    static final int PARALLEL = 8;

    private final RestRuns restRuns;
    private ExecutorService pool;
    private volatile boolean bulk = true;

    SearchHistories(RestRuns restRuns) {
        this.restRuns = restRuns;
    }

    /** The runs in order, those that need it with their histories' MIN/MAX. */
    List<Run> enrich(List<Run> runs, SearchPlan plan, FilterPushdown.Split split) {
        if (!split.needsHistory()) return runs;
        Map<String, List<String>> byKey = new LinkedHashMap<>(); // key -> runs that need its history
        for (Run r : runs) {
            Set<String> keys = new TreeSet<>(split.orderHistoryKeys());
            boolean settled = plan.filter().isEmpty() || LatestBounds.settles(plan.filter().get(), r);
            if (!settled) keys.addAll(split.filterHistoryKeys());
            keys.retainAll(r.data().metrics().keySet());
            for (String k : keys) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r.runId());
        }
        if (byKey.isEmpty()) return runs;
        Map<String, Map<String, List<Metric>>> got = new ConcurrentHashMap<>(); // run -> key -> history
        if (bulk) readInBulk(byKey, got);
        List<Callable<Void>> single = new ArrayList<>();
        byKey.forEach((key, ids) -> {
            for (String id : ids) {
                if (got.getOrDefault(id, Map.of()).containsKey(key)) continue;
                single.add(() -> {
                    got.computeIfAbsent(id, x -> new ConcurrentHashMap<>()).put(key, restRuns.history(id, key));
                    return null;
                });
            }
        });
        runAll(single);
        List<Run> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            Map<String, List<Metric>> h = got.get(r.runId());
            out.add(h == null ? r : WireRuns.withHistories(r, new LinkedHashMap<>(h)));
        }
        return out;
    }

    /** One request per key and {@link RestRuns#BULK_RUNS} runs; a server without the endpoint is not asked again. */
    private void readInBulk(Map<String, List<String>> byKey, Map<String, Map<String, List<Metric>>> got) {
        List<Callable<Void>> tasks = new ArrayList<>();
        byKey.forEach((key, ids) -> {
            for (int from = 0; from < ids.size(); from += RestRuns.BULK_RUNS) {
                List<String> group = ids.subList(from, Math.min(ids.size(), from + RestRuns.BULK_RUNS));
                tasks.add(() -> {
                    restRuns.bulkHistory(group, key).forEach((id, h) -> got.computeIfAbsent(id, x -> new ConcurrentHashMap<>()).put(key, h));
                    return null;
                });
            }
        });
        try {
            runAll(tasks);
        } catch (RestException e) {
            if (e.kind() != RestException.Kind.NO_ENDPOINT && e.kind() != RestException.Kind.REFUSED) throw e;
            bulk = false; // an older server (or one with other limits): one history request per run from now on
        }
    }

    private void runAll(List<Callable<Void>> tasks) {
        if (tasks.isEmpty()) return;
        if (tasks.size() == 1) {
            get(java.util.concurrent.CompletableFuture.supplyAsync(() -> call(tasks.get(0)), Runnable::run));
            return;
        }
        List<Future<Void>> futures = new ArrayList<>(tasks.size());
        ExecutorService p = pool();
        for (Callable<Void> t : tasks) futures.add(p.submit(t));
        for (Future<Void> f : futures) get(f);
    }

    private static Void call(Callable<Void> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading metric histories", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re; // the store's own one-line error
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
