package io.jruns.bench.rest;

import io.jruns.bench.ResultTable;
import io.jruns.internal.rest.RestStore;
import io.jruns.internal.validate.Validation;
import io.jruns.internal.writer.AsyncWriter;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Logging 100,000 metric points to an MLflow server, side by side against one local recording
 * server: MLflow's Java client (2.17.2) with logMetric per point and with logBatch in chunks
 * of 1000, and jruns (its REST store behind the asynchronous writer, the notebook's path).
 * Usage: RestBenchMain [--points N] [--per-point N] [--rounds N] [--out FILE]
 */
public final class RestBenchMain {
    private static final String KEY = "loss";

    private RestBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int points = 100_000;
        int perPoint = -1;
        int rounds = 3;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[++i]);
                case "--per-point" -> perPoint = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("bench: unknown option '" + args[i] + "' (--points N, --per-point N, --rounds N, --out FILE)");
                    System.exit(2);
                }
            }
        }
        if (perPoint < 0) perPoint = points;
        Path home = Files.createTempDirectory("jruns-rest-bench");
        try (RecordingServer server = new RecordingServer()) {
            MlflowClient mlflow = new MlflowClient(server.url());
            RestStore store = RestStore.open(server.url(), Map.of("JRUNS_HOME", home.toString()));
            System.err.println("warming up both clients...");
            perPointRound(mlflow, server, 5_000);
            for (int w = 0; w < 3; w++) {
                batchRound(mlflow, server, points);
                jrunsRound(store, server, points);
            }

            System.err.println("MLflow client, logMetric per point (" + perPoint + " points)...");
            Phase single = perPointRound(mlflow, server, perPoint);
            List<Phase> batched = new ArrayList<>();
            List<Phase> jruns = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                System.err.println("round " + (r + 1) + "/" + rounds + ": MLflow logBatch, then jruns (" + points + " points)...");
                batched.add(batchRound(mlflow, server, points));
                jruns.add(jrunsRound(store, server, points));
            }
            mlflow.close();
            store.close();
            String report = report(points, perPoint, single, median(batched), median(jruns), rounds);
            System.out.print(report);
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report, StandardCharsets.UTF_8);
                System.err.println("written to " + out);
            }
        }
    }

    /** One measured pass: caller-side and total nanoseconds, requests and points the server saw. */
    record Phase(long callerNanos, long totalNanos, long requests, long points) {
    }

    private static Phase perPointRound(MlflowClient c, RecordingServer s, int n) {
        String run = c.createRun("0").getRunId();
        long ts = System.currentTimeMillis();
        s.reset();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) c.logMetric(run, KEY, value(i), ts + i, i);
        long t = System.nanoTime() - t0;
        return new Phase(t, t, s.requests.get(), s.points.get());
    }

    /** The hand-batched baseline: the caller builds chunks of 1000 and waits for each request. */
    private static Phase batchRound(MlflowClient c, RecordingServer s, int n) {
        String run = c.createRun("0").getRunId();
        long ts = System.currentTimeMillis();
        s.reset();
        long t0 = System.nanoTime();
        List<Service.Metric> chunk = new ArrayList<>(1000);
        for (int i = 0; i < n; i++) {
            chunk.add(Service.Metric.newBuilder().setKey(KEY).setValue(value(i)).setTimestamp(ts + i).setStep(i).build());
            if (chunk.size() == 1000 || i == n - 1) {
                c.logBatch(run, chunk, List.of(), List.of());
                chunk = new ArrayList<>(1000);
            }
        }
        long t = System.nanoTime() - t0;
        return new Phase(t, t, s.requests.get(), s.points.get());
    }

    /** jruns: what Session.logMetric does per call (key check, queue), then flush(). */
    private static Phase jrunsRound(RestStore store, RecordingServer s, int n) {
        String run = store.createRun("0", "bench", System.currentTimeMillis(), "bench", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        long ts = System.currentTimeMillis();
        s.reset();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Validation.key("metric", KEY);
            writer.metric(run, KEY, value(i), ts + i, i);
        }
        long t1 = System.nanoTime();
        writer.flush();
        long t2 = System.nanoTime();
        Phase p = new Phase(t1 - t0, t2 - t0, s.requests.get(), s.points.get());
        writer.close();
        return p;
    }

    private static double value(int i) {
        return 1.0 / (1 + i * 0.001);
    }

    private static Phase median(List<Phase> phases) {
        List<Phase> byTotal = new ArrayList<>(phases);
        byTotal.sort((a, b) -> Long.compare(a.totalNanos(), b.totalNanos()));
        return byTotal.get(byTotal.size() / 2);
    }

    private static String report(int points, int perPoint, Phase single, Phase batch, Phase jruns, int rounds) {
        double scale = (double) points / perPoint;
        String sampled = perPoint == points ? "" : " (measured on " + count(perPoint) + " points, scaled x"
                + String.format("%.1f", scale) + ")";
        double singleNanos = single.totalNanos() * scale;
        ResultTable t = new ResultTable();
        boolean allArrived = jruns.points() == points && batch.points() == points && single.points() == perPoint;
        t.row("requests for " + count(points) + " points (+1 runs/create each)", count(jruns.requests()),
                count((long) (single.requests() * scale)) + " per point" + sampled + " / " + count(batch.requests())
                        + " logBatch", "", "<= 101 incl. runs/create", jruns.requests() + 1 <= 101);
        t.row("points the server received", count(jruns.points()), count(single.points()) + " / "
                + count(batch.points()), "", "all of them", allArrived);
        double callerRatio = singleNanos / jruns.callerNanos();
        t.row("caller-side time vs logMetric per point", ms(jruns.callerNanos()), ms(singleNanos) + sampled,
                String.format("%.0fx shorter", callerRatio), ">= 100x shorter", callerRatio >= 100);
        t.row("total time until on the server vs logBatch by hand", ms(jruns.totalNanos()), ms(batch.totalNanos()),
                String.format("%.2fx", (double) jruns.totalNanos() / batch.totalNanos()), "<= 1.00x",
                jruns.totalNanos() <= batch.totalNanos());
        t.row("points/s end to end", count(points * 1e9 / jruns.totalNanos()),
                count(perPoint * 1e9 / single.totalNanos()) + " per point / "
                        + count(points * 1e9 / batch.totalNanos()) + " logBatch", "", "", null);
        return "jruns REST logging benchmark (issue 7), " + java.time.ZonedDateTime.now() + "\n"
                + "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; server: JDK HttpServer on 127.0.0.1, 2 workers, answers {} (counts requests and points)\n"
                + "baseline: org.mlflow:mlflow-client:2.17.2; logBatch and jruns rows: median of " + rounds
                + " rounds (by total time)\n\n" + t.render() + (t.allPass() ? "all targets met\n" : "SOME TARGETS MISSED\n");
    }

    private static String count(double v) {
        return String.format("%,.0f", v);
    }

    private static String ms(double nanos) {
        return String.format("%,.1f ms", nanos / 1e6);
    }

}
