package io.jruns.bench.b4;

import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;
import io.jruns.domain.Run;
import io.jruns.internal.manage.CsvExport;
import io.jruns.store.Progress;
import io.jruns.search.InMemorySearch;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.store.Store;
import io.jruns.internal.embedded.EmbeddedStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * B4 (child JVM): search, CSV export and bulk delete on the 100,000-run store, each beside
 * its baseline: the in-memory evaluator and CSV writer over the same runs already loaded,
 * and per-run deleteRun calls. jruns's searches and exports are timed before those runs are
 * loaded, the baselines after. Usage: ManageMain CACHE_DIR ROUNDS
 */
public final class ManageMain {
    static final String Q1 = "metrics.r2 > 0.3 AND params.alpha = \"0.5\"";
    static final String Q2 = "MIN(metrics.rmse) <= 1 OR tags.team = \"a\"";
    static final int BULK = 10_000;

    private ManageMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path home = SearchStore.ensure(cache);
        try (EmbeddedStore store = EmbeddedStore.inHome(home)) {
            String exp = store.getExperimentByName(SearchStore.EXPERIMENT).orElseThrow().experimentId();
            // An interrupted earlier run may have left runs deleted: the cached store starts whole.
            while (store.restoreRunsDeletedSince(exp, 0, BULK, Progress.NONE) > 0) {
                Report.progress("restored runs an interrupted run left deleted");
            }
            SearchRequest all = SearchRequest.builder().experiments(exp).maxResults(SearchRequest.MAX_RESULTS_LIMIT).build();
            SearchRequest q1 = SearchRequest.builder().experiments(exp).filter(Q1).orderBy("metrics.r2 DESC").maxResults(100).build();
            SearchRequest q2 = SearchRequest.builder().experiments(exp).filter(Q2).maxResults(1000).build();
            // jruns first, in a JVM that holds no runs, as a notebook's does: the baselines'
            // 100,000 runs in memory made every young GC of the export scan a big old generation
            // (twice its CPU time). The baselines come after, with the runs they need loaded.
            List<String> q1Sql = searchJruns(store, "b4.q1", q1, rounds);
            List<String> q2Sql = searchJruns(store, "b4.q2", q2, rounds);
            Path file = home.getParent().resolve("b4-runs.csv");
            csvJruns(store, all, file);

            long t = System.nanoTime();
            List<Run> runs = new ArrayList<>();
            store.scanRuns(all, Long.MAX_VALUE, runs::add);
            Report.progress(String.format("loaded %,d runs into memory for the baselines in %.1f s", runs.size(),
                    (System.nanoTime() - t) / 1e9));
            Report.figure("b4.runs", runs.size());
            searchBase(runs, "b4.q1", q1, q1Sql, rounds);
            searchBase(runs, "b4.q2", q2, q2Sql, rounds);
            csvBase(runs, all, file);
            runs.clear();
            bulk(store, exp);
        }
    }

    private static List<String> searchJruns(Store store, String name, SearchRequest q, int rounds) {
        List<String> sql = ids(store.searchRuns(q).runs());
        Report.figure(name + ".matches", sql.size());
        Report.stats(name + ".jruns", time(rounds, () -> store.searchRuns(q).runs().size()));
        return sql;
    }

    private static void searchBase(List<Run> runs, String name, SearchRequest q, List<String> sql, int rounds) {
        SearchPlan plan = SearchPlan.of(q);
        Report.figure(name + ".agree", sql.equals(ids(InMemorySearch.search(plan, runs).runs())) ? 1 : 0);
        Report.stats(name + ".base", time(Math.max(5, rounds / 3), () -> InMemorySearch.search(plan, runs).runs().size()));
        Report.progress(name + ": done");
    }

    /** Five exports; the first one in this JVM (cold) is reported apart as well. */
    private static void csvJruns(EmbeddedStore store, SearchRequest all, Path file) throws IOException {
        int rounds = 5;
        double[] jruns = new double[rounds];
        double[] cpu = new double[rounds];
        long rows = 0;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            long c = os.getProcessCpuTime(); // all threads: the export reads on two and writes on a third
            rows = export(store, all, file);
            jruns[r] = (System.nanoTime() - t) / 1e6;
            cpu[r] = (os.getProcessCpuTime() - c) / 1e6;
            Report.progress(String.format("csv round %d: jruns %.0f ms (CPU %.0f ms)", r + 1, jruns[r], cpu[r]));
        }
        Report.stats("b4.csv.cpu", Stats.of(cpu));
        Report.figure("b4.csv.rows", rows);
        Report.figure("b4.csv.bytes", Files.size(file));
        Report.figure("b4.csv.jruns.first", jruns[0]);
        Report.stats("b4.csv.jruns", Stats.of(jruns));
    }

    /** Store's generic CSV path over the runs in memory; its bytes must be the export's. */
    private static void csvBase(List<Run> runs, SearchRequest all, Path file) throws IOException {
        Store memory = memoryScan(runs);
        Path other = file.resolveSibling("b4-runs-baseline.csv");
        int rounds = 3;
        double[] base = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            export(memory, all, other);
            base[r] = (System.nanoTime() - t) / 1e6;
            Report.progress(String.format("csv round %d: baseline %.0f ms", r + 1, base[r]));
        }
        Report.figure("b4.csv.agree", Files.mismatch(file, other) == -1 ? 1 : 0); // both paths, byte for byte
        Report.stats("b4.csv.base", Stats.of(base));
        Files.deleteIfExists(other);
        Files.deleteIfExists(file);
    }

    private static long export(Store store, SearchRequest all, Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            return CsvExport.write(store, all, Long.MAX_VALUE, w, Progress.NONE);
        }
    }

    /** A store whose only ability is handing over the runs already in memory (the CSV baseline: Store's generic CSV path). */
    private static Store memoryScan(List<Run> runs) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (p, m, a) -> {
            if (m.getName().equals("csvRows")) return InvocationHandler.invokeDefault(p, m, a); // Store's generic path
            if (!m.getName().equals("scanRuns")) throw new UnsupportedOperationException(m.getName());
            @SuppressWarnings("unchecked") Consumer<Run> sink = (Consumer<Run>) a[2];
            runs.forEach(sink);
            return (long) runs.size();
        });
    }

    /** Bulk delete of the 10,000 oldest runs, then restored, against the same by per-run calls. */
    private static void bulk(EmbeddedStore store, String exp) {
        long cutoff = SearchStore.T0 + (BULK - 1) * SearchStore.START_STEP_MS;
        List<String> oldest = ids(store.searchRuns(SearchRequest.builder().experiments(exp).orderBy("start_time")
                .maxResults(BULK).build()).runs());
        int rounds = 3;
        double[] del = new double[rounds];
        double[] restore = new double[rounds];
        double[] perRun = new double[rounds];
        int changed = 0;
        for (int r = 0; r < rounds; r++) {
            long since = System.currentTimeMillis();
            long t = System.nanoTime();
            changed = store.deleteRunsCreatedBefore(exp, cutoff, BULK, Progress.NONE);
            del[r] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            int back = store.restoreRunsDeletedSince(exp, since, BULK, Progress.NONE);
            restore[r] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            for (String id : oldest) store.deleteRun(id);
            perRun[r] = (System.nanoTime() - t) / 1e6;
            store.restoreRuns(oldest, Progress.NONE);
            Report.progress(String.format("bulk round %d: delete %d runs %.0f ms, restore %d %.0f ms; per-run deleteRun %.0f ms",
                    r + 1, changed, del[r], back, restore[r], perRun[r]));
        }
        Report.figure("b4.bulk.changed", changed);
        Report.stats("b4.bulk.jruns", Stats.of(del));
        Report.stats("b4.bulk.restore", Stats.of(restore));
        Report.stats("b4.bulk.base", Stats.of(perRun));
    }

    private static Stats time(int rounds, LongSupplier work) {
        // warm-up as long as the timing: in a fresh JVM the search's code reaches C2 only after some dozens
        for (int i = 0; i < rounds; i++) work.getAsLong();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.getAsLong();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return Stats.of(ms);
    }

    static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }
}
