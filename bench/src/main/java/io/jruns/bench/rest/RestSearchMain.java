package io.jruns.bench.rest;

import io.jruns.TrackingClient;
import io.jruns.bench.ResultTable;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.search.SearchRequest;
import io.jruns.store.Store;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A jruns-only filter over REST beside a filter the server evaluates, in one run: 1,100 runs
 * with a 10-step metric on an MLflow-API server on 127.0.0.1 (jruns ui over an embedded store),
 * searched through jruns's REST store. {@code metrics.m >= 1000} runs on any MLflow server;
 * {@code MAX(metrics.m) >= 1000} runs on jruns ui (the request's jruns_filter), while an MLflow
 * server leaves it to the client, which reads histories. Target: the first at most 2× the
 * second. Both are also timed through a proxy that drops jruns_filter, so that jruns ui answers
 * as MLflow would. Also shown: the histories read one run after another (before issue 14).
 * Usage: RestSearchMain [--runs N] [--rounds N]
 */
public final class RestSearchMain {
    private static final String TOKEN = "bench-token-0123456789abcdef";

    private RestSearchMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 1_100;
        int rounds = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path home = Files.createTempDirectory("jruns-rest-search");
        try (TrackingClient local = TrackingClient.open(home.toString());
             UiServer ui = UiServer.builder(local).token(TOKEN).build().start()) {
            String exp = populate(local.store(), runs);
            Map<String, String> env = Map.of("MLFLOW_TRACKING_TOKEN", TOKEN);
            try (TrackingClient rest = TrackingClient.open(TrackingUri.resolve(ui.info().url(), env), env)) {
                Store store = rest.store();
                Supplier<List<Run>> pushed = () -> all(store, exp, "metrics.m >= 1000");
                Supplier<List<Run>> jrunsOnly = () -> all(store, exp, "MAX(metrics.m) >= 1000");
                Supplier<Integer> oneByOne = () -> {
                    int n = 0;
                    for (Run r : all(store, exp, "")) n += store.getMetricHistory(r.runId(), "m").size();
                    return n;
                };
                int matched = jrunsOnly.get().size();
                System.out.printf("%,d runs; %,d match MAX(metrics.m) >= 1000, %,d match metrics.m >= 1000%n",
                        runs, matched, pushed.get().size());
                double[] both = alternating(rounds, pushed::get, jrunsOnly::get);
                double tPushed = both[0];
                double tOnly = both[1];
                double tBefore = median(Math.min(rounds, 3), oneByOne::get);
                double tAll = median(rounds, () -> all(store, exp, ""));
                ResultTable t = new ResultTable();
                t.row("REST search, MAX(metrics.m) >= 1000 (jruns-only), " + runs + " runs, median of " + rounds,
                        String.format("%,.0f ms", tOnly), String.format("%,.0f ms: metrics.m >= 1000 on the server", tPushed),
                        String.format("%.2f×", tOnly / tPushed), "≤ 2× the pushed-down filter", tOnly <= 2 * tPushed);
                t.row("  for reference: every run's history, one request after another", String.format("%,.0f ms", tBefore),
                        "", "", "", null);
                t.row("  for reference: every run, no filter (the search pages alone)", String.format("%,.0f ms", tAll),
                        "", "", "", null);
                try (MlflowOnlyProxy proxy = new MlflowOnlyProxy(ui.info().url());
                     TrackingClient viaProxy = TrackingClient.open(TrackingUri.resolve(proxy.url(), env), env)) {
                    Store p = viaProxy.store();
                    if (all(p, exp, "MAX(metrics.m) >= 1000").size() != matched) throw new IllegalStateException("proxy");
                    double[] proxied = alternating(rounds, () -> all(p, exp, "metrics.m >= 1000"),
                            () -> all(p, exp, "MAX(metrics.m) >= 1000"));
                    double pPushed = proxied[0];
                    double pOnly = proxied[1];
                    t.row("  the same against an MLflow server (jruns ui behind a proxy that drops jruns_filter)",
                            String.format("%,.0f ms", pOnly), String.format("%,.0f ms: metrics.m >= 1000, same proxy", pPushed),
                            String.format("%.2f×", pOnly / pPushed), "(the client reads the histories)", null);
                    Supplier<List<Run>> topByMax = () -> store.searchRuns(byMax(exp)).runs();
                    Supplier<List<Run>> topByMaxProxied = () -> p.searchRuns(byMax(exp)).runs();
                    if (!topByMax.get().equals(topByMaxProxied.get())) throw new IllegalStateException("ordered pages differ");
                    double[] top = alternating(rounds, topByMax::get, topByMaxProxied::get);
                    t.row("first 100 runs by MAX(metrics.m) DESC, against jruns ui (jruns_order_by)",
                            String.format("%,.0f ms", top[0]), String.format("%,.0f ms: against an MLflow server (the proxy)", top[1]),
                            String.format("%.2f×", top[0] / top[1]), "(for scale)", null);
                    SearchRequest counted = SearchRequest.builder().experiments(exp).filter("MAX(metrics.m) >= 1000").build();
                    if (store.countRuns(counted, Long.MAX_VALUE).runs() != matched
                            || p.countRuns(counted, Long.MAX_VALUE).runs() != matched) throw new IllegalStateException("counts");
                    double[] counts = alternating(rounds, () -> store.countRuns(counted, Long.MAX_VALUE),
                            () -> p.countRuns(counted, Long.MAX_VALUE));
                    t.row("count of MAX(metrics.m) >= 1000, exact, against jruns ui (jruns_count)",
                            String.format("%,.0f ms", counts[0]), String.format("%,.0f ms: against an MLflow server (the proxy)", counts[1]),
                            String.format("%.2f×", counts[0] / counts[1]), "(for scale)", null);
                }
                System.out.println(t.render());
            }
        }
    }

    private static SearchRequest byMax(String exp) {
        return SearchRequest.builder().experiments(exp).orderBy("MAX(metrics.m) DESC").maxResults(100).build();
    }

    private static List<Run> all(Store s, String exp, String filter) {
        List<Run> out = new ArrayList<>();
        SearchRequest first = SearchRequest.builder().experiments(exp).filter(filter).maxResults(1000).build();
        SearchRequest page = first;
        while (true) {
            var r = s.searchRuns(page);
            out.addAll(r.runs());
            if (r.nextPageToken() == null) return out;
            page = first.withPageToken(r.nextPageToken());
        }
    }

    /** Runs whose metric walks randomly for 10 steps, so its maximum is often not its last value. */
    private static String populate(Store s, int n) {
        String exp = s.createExperiment("rest-search", null, Map.of());
        SplittableRandom random = new SplittableRandom(7);
        long t0 = 1_700_000_000_000L;
        List<LogBatch> batches = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = s.createRun(exp, "bench", t0 + i, "run-" + i, List.of()).runId();
            List<Metric> ms = new ArrayList<>();
            double v = random.nextDouble(0, 1500);
            for (int step = 0; step < 10; step++) {
                ms.add(new Metric("m", v, t0 + i + step, step));
                v = Math.max(0, v + random.nextDouble(-200, 200));
            }
            batches.add(new LogBatch(id, ms, List.of(new Param("i", Integer.toString(i))), List.of()));
            ids.add(id);
        }
        s.logBatches(batches);
        for (String id : ids) s.updateRun(id, RunStatus.FINISHED, t0 + n + 1, null);
        return exp;
    }

    /** The medians of {@code a} and {@code b} timed in turn, so that the machine's drift touches both alike. */
    private static double[] alternating(int rounds, Runnable a, Runnable b) {
        for (int i = 0; i < rounds; i++) {
            a.run();
            b.run();
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ta[i] = timed(a);
            tb[i] = timed(b);
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        return new double[] {ta[rounds / 2], tb[rounds / 2]};
    }

    private static double timed(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e6;
    }

    /** The median of {@code rounds} timed runs, after as many untimed ones (the JIT's share stays out). */
    private static double median(int rounds, Runnable work) {
        for (int i = 0; i < rounds; i++) work.run();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }
}
