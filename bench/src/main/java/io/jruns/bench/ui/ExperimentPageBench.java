package io.jruns.bench.ui;

import io.jruns.TrackingClient;
import io.jruns.bench.b4.SearchStore;
import io.jruns.ui.UiServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The experiment page of the B4 store (100,000 runs, 20 params and 20 metrics each): the first
 * page of 100 runs over HTTP from a real {@code jruns ui} (target ≤ 150 ms), beside the baseline,
 * the same store search through the public API without rendering or HTTP, in the same run.
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.jruns.bench.ui.ExperimentPageBench [--cache DIR] [--rounds N]</pre>
 */
public final class ExperimentPageBench {
    static final double TARGET_MS = 150;

    private ExperimentPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(option(args, "--cache", "bench/target/b4-cache"));
        int rounds = Integer.parseInt(option(args, "--rounds", "30"));
        Path home = SearchStore.ensure(cache);
        HttpClient http = HttpClient.newHttpClient();
        try (TrackingClient client = TrackingClient.open(home.toString()); UiServer ui = UiServer.builder(client).build().start()) {
            String exp = client.experiment(SearchStore.EXPERIMENT).experimentId();
            System.out.printf("experiment page of %,d runs, first page of 100; median / p90 of %d rounds after warm-up%n",
                    SearchStore.RUNS, rounds);
            System.out.printf("%-44s %12s %12s %10s%n", "case", "page (HTTP)", "search only", "HTML");
            boolean met = false;
            for (String[] c : new String[][]{{"newest first (default)", "", ""}, {"order by metrics.rmse DESC", "", "metrics.rmse DESC"},
                    {"filter params.alpha = '0.5'", "params.alpha = '0.5'", ""}}) {
                String query = "?filter=" + enc(c[1]) + "&order=" + enc(c[2]);
                HttpRequest get = HttpRequest.newBuilder(URI.create(ui.info().url() + "experiments/" + exp + query))
                        .header("Authorization", "Bearer " + ui.info().token()).build();
                int[] size = new int[1];
                double[] page = time(rounds, () -> {
                    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("jr-sel")) throw new IllegalStateException("page failed: " + r.statusCode());
                    size[0] = r.body().length();
                    return null;
                });
                double[] search = time(rounds, () -> {
                    var q = client.search().experiments(exp).filter(c[1]).max(100);
                    if (!c[2].isEmpty()) q.orderBy(c[2]);
                    return q.page();
                });
                if (c[1].isEmpty() && c[2].isEmpty()) met = page[0] <= TARGET_MS; // the case: the page as it opens
                System.out.printf("%-44s %5.1f / %4.1f %5.1f / %4.1f %7d KB%n", c[0], page[0], page[1], search[0], search[1], size[0] / 1024);
            }
            System.out.println("target: the first page as it opens <= " + TARGET_MS + " ms (median): " + (met ? "met" : "NOT met")
                    + "; the other cases cost what the store's search costs, plus the same rendering");
        }
    }

    /** Median and p90 in milliseconds, after {@code rounds / 3 + 2} warm-up calls. */
    static double[] time(int rounds, Callable<?> call) throws Exception {
        for (int i = 0; i < rounds / 3 + 2; i++) call.call();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[rounds / 2], ms[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.9) - 1)]};
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String option(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return dflt;
    }
}
