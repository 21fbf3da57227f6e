package io.jruns.bench.ui;

import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.RunStatus;
import io.jruns.ui.UiServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run page of a run with 10 metrics × 100,000 steps: the server's time per page (its
 * Server-Timing header: every read plus the rendering and downsampling), beside a baseline in
 * the same run: reading the same run and the same ten histories through the client, rendering
 * nothing. Target: ≤ 200 ms. {@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" io.jruns.bench.ui.RunPageBench}
 */
public final class RunPageBench {
    static final int KEYS = 10;
    static final int STEPS = 100_000;
    static final int ROUNDS = 15;

    private RunPageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jruns-runpage-bench");
        try (TrackingClient client = TrackingClient.open(home.toString())) {
            String exp = client.createExperiment("bench");
            String runId = client.createRun(exp, "ten long metrics", Map.of(), "bench").runId();
            long t0 = System.currentTimeMillis() - STEPS;
            List<Metric> batch = new ArrayList<>(1000);
            for (int k = 0; k < KEYS; k++) {
                for (int s = 0; s < STEPS; s++) {
                    batch.add(new Metric("metric_" + k, Math.sin(s / 1000.0 + k) + s * 1e-5, t0 + s, s));
                    if (batch.size() == 1000) {
                        client.store().logBatch(new LogBatch(runId, List.copyOf(batch), List.of(), List.of()));
                        batch.clear();
                    }
                }
            }
            client.setTerminated(runId, RunStatus.FINISHED);
            UiServer server = UiServer.builder(client).build().start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest page = HttpRequest.newBuilder(URI.create(server.info().url() + "runs/" + runId))
                        .header("Authorization", "Bearer " + server.info().token()).build();
                double[] serverMs = new double[ROUNDS];
                double[] wallMs = new double[ROUNDS];
                double[] baseMs = new double[ROUNDS];
                long bytes = 0;
                for (int i = -5; i < ROUNDS; i++) { // 5 warm-up rounds, then alternate page and baseline
                    long w = System.nanoTime();
                    HttpResponse<String> r = http.send(page, HttpResponse.BodyHandlers.ofString());
                    double wall = (System.nanoTime() - w) / 1e6;
                    if (r.statusCode() != 200) throw new IllegalStateException("run page answered " + r.statusCode());
                    double server1 = Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow().replaceFirst(".*dur=", ""));
                    long b = System.nanoTime();
                    long points = client.getRun(runId).data().metrics().size();
                    for (int k = 0; k < KEYS; k++) points += client.getMetricHistory(runId, "metric_" + k).size();
                    double base = (System.nanoTime() - b) / 1e6;
                    if (points != KEYS + (long) KEYS * STEPS) throw new IllegalStateException("read " + points + " points");
                    if (i >= 0) {
                        serverMs[i] = server1;
                        wallMs[i] = wall;
                        baseMs[i] = base;
                        bytes = r.body().length();
                    }
                }
                double page50 = median(serverMs);
                double base50 = median(baseMs);
                System.out.printf(Locale.ROOT, "run page, %d metrics x %,d steps, median of %d: server %.1f ms (wall %.1f ms, %,d bytes)"
                        + " | baseline (same histories read, nothing rendered) %.1f ms | ratio %.2f | target <= 200 ms: %s%n",
                        KEYS, STEPS, ROUNDS, page50, median(wallMs), bytes, base50, page50 / base50, page50 <= 200 ? "PASS" : "MISSED");
            } finally {
                server.close();
            }
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
