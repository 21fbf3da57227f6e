package io.jruns.bench.transfer;

import io.jruns.TrackingClient;
import io.jruns.bench.ResultTable;
import io.jruns.bench.child.Dirs;
import io.jruns.bench.child.Stats;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import io.jruns.transfer.Selection;
import io.jruns.transfer.TransferReport;
import io.jruns.transfer.Transfers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code jruns export}, {@code import} and {@code copy} of runs like a notebook's (see
 * {@link TransferRuns}), beside the baseline of making the same runs through
 * {@link TrackingClient} in the same JVM and round. Each round: the runs made into a fresh
 * embedded store (the baseline, timed), exported to a fresh folder, imported from it into
 * a fresh embedded store, and copied from the first store into another fresh one. Warm-up
 * rounds first, untimed (as many as the timed ones unless told), as in IngestMain.
 * Targets (issue: import at 170 runs/s): import >= 2,000 runs/s and >= 0.3x the baseline.
 * Usage: TransferMain [--runs N] [--rounds N] [--warmup N] [--out FILE]
 */
public final class TransferMain {
    static final double MIN_RUNS_PER_S = 2_000;
    static final double MIN_RATIO = 0.3;

    private TransferMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 2_000;
        int rounds = 3;
        int warmup = -1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (int w = 0, n = warmup < 0 ? rounds : warmup; w < n; w++) {
            double[] r = round(runs);
            System.err.printf(Locale.ROOT, "warm-up round %d: API %,.0f, export %,.0f, import %,.0f, copy %,.0f runs/s%n",
                    w + 1, r[0], r[1], r[2], r[3]);
        }
        double[][] rates = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] x = round(runs);
            for (int k = 0; k < 4; k++) rates[k][r] = x[k];
            System.err.printf(Locale.ROOT, "round %d: API %,.0f, export %,.0f, import %,.0f, copy %,.0f runs/s%n",
                    r + 1, x[0], x[1], x[2], x[3]);
        }
        double api = median(rates[0]);
        String base = String.format(Locale.ROOT, "%,.0f runs/s: the same runs made through TrackingClient", api);
        String what = runs + " runs × (20 params, 20 metrics × " + TransferRuns.STEPS + " steps, 5 tags, 1 artifact), median of "
                + rounds;
        ResultTable t = new ResultTable();
        double imp = median(rates[2]);
        t.row("import: " + what + ", from a jruns export into a new embedded store", rate(imp), base, ratio(imp / api),
                ">= 2,000 runs/s and >= 0.30×", imp >= MIN_RUNS_PER_S && imp / api >= MIN_RATIO);
        double copy = median(rates[3]);
        t.row("copy: the same runs, embedded store to a new embedded store", rate(copy), base, ratio(copy / api), "—", null);
        double exp = median(rates[1]);
        t.row("export: the same runs, to a new folder", rate(exp), base, ratio(exp / api), "—", null);
        String table = t.render();
        System.out.print(table);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
        System.exit(t.failed() ? 1 : 0);
    }

    /** Runs/s of one round: made through the API, exported, imported, copied. */
    private static double[] round(int runs) throws IOException {
        Path work = Files.createTempDirectory("jruns-transfer");
        try {
            Path artifact = Files.write(work.resolve("model.txt"), "weights: 0.1 0.2 0.3\n".repeat(8).getBytes(StandardCharsets.UTF_8));
            try (TrackingClient client = TrackingClient.of(EmbeddedStore.inHome(work.resolve("source")))) {
                long c0 = cpu();
                double api = runs / seconds(TransferRuns.create(client, runs, artifact));
                Store source = client.store();
                long c1 = cpu();
                long t0 = System.nanoTime();
                check(Transfers.export(source, work.resolve("export"), Selection.all(), Progress.NONE), runs, "export");
                double export = runs / seconds(System.nanoTime() - t0);
                double imported;
                long c2 = cpu();
                try (EmbeddedStore to = EmbeddedStore.inHome(work.resolve("imported"))) {
                    long t1 = System.nanoTime();
                    check(Transfers.importDir(work.resolve("export"), to, Selection.all(), Progress.NONE), runs, "import");
                    imported = runs / seconds(System.nanoTime() - t1);
                }
                double copied;
                long c3 = cpu();
                try (EmbeddedStore to = EmbeddedStore.inHome(work.resolve("copied"))) {
                    long t2 = System.nanoTime();
                    check(Transfers.copy(source, "bench-source", to, Selection.all(), Progress.NONE), runs, "copy");
                    copied = runs / seconds(System.nanoTime() - t2);
                }
                long c4 = cpu();
                // the machine may be shared: runs per second of this process's CPU time tell the work apart from the wait
                System.err.printf(Locale.ROOT, "  per CPU second (all threads): API %,.0f, export %,.0f, import %,.0f, copy %,.0f runs%n",
                        runs / seconds(c1 - c0), runs / seconds(c2 - c1), runs / seconds(c3 - c2), runs / seconds(c4 - c3));
                return new double[]{api, export, imported, copied};
            }
        } finally {
            Dirs.deleteTree(work);
        }
    }

    /** A transfer that moved fewer runs, points or files than made is a wrong result, not a fast one. */
    private static void check(TransferReport r, int runs, String what) {
        long points = (long) runs * 20 * TransferRuns.STEPS;
        if (r.runs() != runs || r.metricPoints() != points || r.artifactFiles() != runs) {
            throw new IllegalStateException(what + " moved " + r.runs() + " runs, " + r.metricPoints() + " points, "
                    + r.artifactFiles() + " files; expected " + runs + ", " + points + ", " + runs);
        }
    }

    private static String rate(double v) {
        return String.format(Locale.ROOT, "%,.0f runs/s", v);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(double[] xs) {
        return Stats.of(xs).median();
    }
}
