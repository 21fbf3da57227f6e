package io.jruns.bench.ui;

import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.json.RestJson;
import io.jruns.ui.UiServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLflow-API log-batch through jruns ui: one client POSTs runs/log-batch requests of 1,000
 * metric points each (bodies made before the clock starts, as a client that batches would have
 * them) to a UI server over an embedded store; the baseline writes the same batches straight
 * to another embedded store, in the same run. Target: at least 50,000 points/s through the UI.
 * Usage: LogBatchThroughUi [--batches N] [--rounds N]
 */
public final class LogBatchThroughUi {
    static final int PER_BATCH = 1000;
    static final double TARGET = 50_000;

    private LogBatchThroughUi() {
    }

    public static void main(String[] args) throws Exception {
        int batches = 200;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--batches N, --rounds N)");
            }
        }
        Path dir = Files.createTempDirectory("jruns-bench-ui");
        String token = "bench-token-0123456789abcdef";
        try (TrackingClient direct = TrackingClient.open(dir.resolve("direct").toString());
             TrackingClient served = TrackingClient.open(dir.resolve("served").toString());
             UiServer ui = UiServer.builder(served).token(token).build().start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI logBatch = URI.create(ui.info().url() + "api/2.0/mlflow/runs/log-batch");
            double bestDirect = 0;
            double bestUi = 0;
            for (int round = 0; round <= rounds; round++) { // round 0 warms both paths up
                String directRun = direct.createRun("0", "direct-" + round, Map.of(), null).runId();
                String uiRun = served.createRun("0", "ui-" + round, Map.of(), null).runId();
                List<List<Metric>> data = batches(batches);
                List<String> bodies = new ArrayList<>();
                for (List<Metric> b : data) bodies.add(body(uiRun, b));

                long t0 = System.nanoTime();
                for (List<Metric> b : data) direct.store().logBatch(new LogBatch(directRun, b, List.of(), List.of()));
                double directRate = rate(batches, System.nanoTime() - t0);

                long t1 = System.nanoTime();
                for (String body : bodies) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(logBatch).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) throw new IllegalStateException("log-batch answered " + r.statusCode() + ": " + r.body());
                }
                double uiRate = rate(batches, System.nanoTime() - t1);
                int stored = served.getMetricHistory(uiRun, "m0").size();
                if (stored != batches * PER_BATCH / 10) throw new IllegalStateException("the UI stored " + stored + " points of m0");
                if (round == 0) continue;
                System.out.printf("round %d: straight to the store %,.0f points/s; through the UI %,.0f points/s%n", round, directRate, uiRate);
                bestDirect = Math.max(bestDirect, directRate);
                bestUi = Math.max(bestUi, uiRate);
            }
            System.out.printf("log-batch of %,d points x %d requests, best of %d rounds:%n", PER_BATCH, batches, rounds);
            System.out.printf("  baseline, the same batches straight to an embedded store: %,.0f points/s%n", bestDirect);
            System.out.printf("  jruns ui MLflow API, one client:                          %,.0f points/s (target >= %,.0f: %s)%n",
                    bestUi, TARGET, bestUi >= TARGET ? "met" : "NOT met");
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** {@code n} batches of 1,000 points over ten keys, steps rising, as a training loop logs them. */
    static List<List<Metric>> batches(int n) {
        List<List<Metric>> out = new ArrayList<>(n);
        long now = System.currentTimeMillis();
        for (int b = 0; b < n; b++) {
            List<Metric> batch = new ArrayList<>(PER_BATCH);
            for (int i = 0; i < PER_BATCH; i++) {
                long step = (long) b * (PER_BATCH / 10) + i / 10;
                batch.add(new Metric("m" + (i % 10), Math.sin(step * 0.001 + i), now + step, step));
            }
            out.add(batch);
        }
        return out;
    }

    static String body(String runId, List<Metric> metrics) {
        var b = io.jruns.internal.json.Json.MAPPER.createObjectNode().put("run_id", runId);
        var a = b.putArray("metrics");
        metrics.forEach(m -> a.add(RestJson.metricNode(m)));
        return RestJson.compact(b);
    }

    static double rate(int batches, long nanos) {
        return batches * (double) PER_BATCH / (nanos / 1e9);
    }
}
