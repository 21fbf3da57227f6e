package io.jruns.bench.ingest;

import io.jruns.TrackingClient;
import io.jruns.bench.ResultTable;
import io.jruns.bench.child.Dirs;
import io.jruns.domain.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 14's ingest: runs of 45 entities each (20 params, 20 metrics, 5 tags) created through
 * the Java API ({@link TrackingClient}: createRun, logParam, logMetric, setTerminated, then
 * flush), beside the same rows inserted with raw sqlite-jdbc in one transaction (a plain
 * runs/params/tags/metrics schema), and beside the rows jruns writes, raw into jruns's own
 * schema with its search indexes ({@link SchemaFloor}), in one run. Target: >= 5,000 runs/s
 * through the API (MLflow's SQLite store does about 35/s on this machine). The three take
 * turns, first for {@code --warmup} untimed rounds (as many as the timed ones unless told), so
 * that the medians are of a warm JVM, as a notebook's kernel is after its first runs.
 * Usage: IngestMain [--runs N] [--rounds N] [--warmup N]
 */
public final class IngestMain {
    private static Path last;

    private IngestMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5_000;
        int rounds = 3;
        int warmup = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (int w = 0, n = warmup < 0 ? rounds : warmup; w < n; w++) {
            double rate = runs / seconds(viaApi(fresh("jruns-ingest"), runs));
            viaJdbc(fresh("jruns-ingest-raw"), runs);
            SchemaFloor.insert(fresh("jruns-ingest-schema"), runs);
            System.out.printf("warm-up round %d: API %,.0f runs/s%n", w + 1, rate);
        }
        double[] api = new double[rounds];
        double[] raw = new double[rounds];
        double[] floor = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            api[r] = runs / seconds(viaApi(fresh("jruns-ingest"), runs));
            raw[r] = runs / seconds(viaJdbc(fresh("jruns-ingest-raw"), runs));
            floor[r] = runs / seconds(SchemaFloor.insert(fresh("jruns-ingest-schema"), runs));
            System.out.printf("round %d: API %,.0f runs/s, raw sqlite-jdbc %,.0f runs/s, raw into jruns's schema %,.0f runs/s%n",
                    r + 1, api[r], raw[r], floor[r]);
        }
        double a = median(api);
        double b = median(raw);
        double f = median(floor);
        ResultTable t = new ResultTable();
        t.row("ingest: " + runs + " runs × (20 params, 20 metrics, 5 tags) through TrackingClient, median of " + rounds,
                String.format("%,.0f runs/s", a), String.format("%,.0f runs/s: the same rows, raw sqlite-jdbc", b),
                String.format("%.2f×", a / b), ">= 5,000 runs/s", a >= 5_000);
        t.row("the same rows as jruns writes them, raw sqlite-jdbc into its schema (search indexes), median of " + rounds,
                String.format("%,.0f runs/s", a), String.format("%,.0f runs/s: raw into jruns's schema", f),
                String.format("%.2f×", a / f), "—", null);
        System.out.println(t.render());
        deleteLast();
    }

    private static long viaApi(Path home, int runs) {
        try (TrackingClient c = TrackingClient.open(home.toString())) {
            String exp = c.createExperiment("ingest");
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (int k = 0; k < 5; k++) tags.put("tag" + k, "v" + (i % 7));
                String id = c.createRun(exp, "run-" + i, tags, "bench").runId();
                for (int k = 0; k < 20; k++) c.logParam(id, "p" + k, i % (k + 3));
                for (int k = 0; k < 20; k++) c.logMetric(id, "m" + k, i * 0.001 + k, 0);
                c.setTerminated(id, RunStatus.FINISHED);
            }
            c.flush();
            return System.nanoTime() - t0;
        }
    }

    private static long viaJdbc(Path dir, int runs) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE runs (id TEXT PRIMARY KEY, name TEXT, status TEXT, start INTEGER, end_time INTEGER)");
                s.execute("CREATE TABLE params (run TEXT, key TEXT, value TEXT, PRIMARY KEY (run, key))");
                s.execute("CREATE TABLE tags (run TEXT, key TEXT, value TEXT, PRIMARY KEY (run, key))");
                s.execute("CREATE TABLE metrics (run TEXT, key TEXT, value REAL, ts INTEGER, step INTEGER)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs VALUES (?, ?, 'FINISHED', ?, ?)");
                 PreparedStatement param = c.prepareStatement("INSERT INTO params VALUES (?, ?, ?)");
                 PreparedStatement tag = c.prepareStatement("INSERT INTO tags VALUES (?, ?, ?)");
                 PreparedStatement metric = c.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?, ?, 0)")) {
                for (int i = 0; i < runs; i++) {
                    String id = String.format("%032x", i);
                    long now = System.currentTimeMillis();
                    run.setString(1, id);
                    run.setString(2, "run-" + i);
                    run.setLong(3, now);
                    run.setLong(4, now);
                    run.addBatch();
                    for (int k = 0; k < 5; k++) {
                        tag.setString(1, id);
                        tag.setString(2, "tag" + k);
                        tag.setString(3, "v" + (i % 7));
                        tag.addBatch();
                    }
                    for (int k = 0; k < 20; k++) {
                        param.setString(1, id);
                        param.setString(2, "p" + k);
                        param.setString(3, Integer.toString(i % (k + 3)));
                        param.addBatch();
                        metric.setString(1, id);
                        metric.setString(2, "m" + k);
                        metric.setDouble(3, i * 0.001 + k);
                        metric.setLong(4, now);
                        metric.addBatch();
                    }
                    if (i % 500 == 499) {
                        run.executeBatch();
                        tag.executeBatch();
                        param.executeBatch();
                        metric.executeBatch();
                    }
                }
                run.executeBatch();
                tag.executeBatch();
                param.executeBatch();
                metric.executeBatch();
            }
            c.commit();
            return System.nanoTime() - t0;
        }
    }

    /**
     * A new temporary folder; the previous one of the run is deleted first, so that rounds do
     * not fill the disk or leave the kernel writing back the last round's pages during this one.
     */
    private static Path fresh(String prefix) throws IOException {
        deleteLast();
        last = Files.createTempDirectory(prefix);
        return last;
    }

    private static void deleteLast() throws IOException {
        if (last != null) Dirs.deleteTree(last);
        last = null;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
