package io.jruns.bench.b4;

import io.jruns.bench.child.Dirs;
import io.jruns.bench.child.Report;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.internal.embedded.EmbeddedStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The B4 store: 100,000 runs in one experiment, each with 20 params, 20 metrics of 10 steps
 * and 5 tags (3 set here, plus mlflow.runName and mlflow.user), seeded so every build makes
 * the same store. Written through the store's own API, the data as log batches of
 * {@link #BATCH_RUNS} runs per transaction. Kept under bench/target between runs, in a folder
 * named after {@link #VERSION}: change the version when the data changes.
 */
public final class SearchStore {
    public static final String VERSION = "b4-v1";
    public static final String EXPERIMENT = "bench-search";
    public static final int RUNS = 100_000;
    public static final int PARAMS = 20;
    public static final int METRICS = 20;
    public static final int STEPS = 10;
    public static final long T0 = 1_700_000_000_000L;
    /** Run i starts at T0 + i * START_STEP_MS, so "created at or before" picks a known count. */
    public static final long START_STEP_MS = 1000;
    private static final int BATCH_RUNS = 500;
    private static final String[] TEAMS = {"a", "b", "c", "d", "e"};

    private SearchStore() {
    }

    /** The store's folder, generated first when missing or incomplete. */
    public static Path ensure(Path cacheRoot) throws IOException {
        Path home = cacheRoot.resolve(VERSION);
        if (Files.exists(home.resolve("complete"))) return home;
        Dirs.deleteTree(home);
        Files.createDirectories(home);
        long t = System.nanoTime();
        try (EmbeddedStore store = EmbeddedStore.inHome(home)) {
            generate(store);
        }
        Files.writeString(home.resolve("complete"), VERSION + "\n");
        Report.progress(String.format("generated %,d runs in %.1f s under %s", RUNS, (System.nanoTime() - t) / 1e9, home));
        return home;
    }

    private static void generate(EmbeddedStore store) {
        String exp = store.createExperiment(EXPERIMENT, null, Map.of());
        SplittableRandom random = new SplittableRandom(42);
        List<String> ids = new ArrayList<>(BATCH_RUNS);
        List<LogBatch> batches = new ArrayList<>(BATCH_RUNS);
        for (int i = 0; i < RUNS; i++) {
            long start = T0 + i * START_STEP_MS;
            List<RunTag> tags = List.of(new RunTag("team", TEAMS[random.nextInt(TEAMS.length)]),
                    new RunTag(SystemTags.SOURCE_TYPE, "NOTEBOOK"),
                    new RunTag(SystemTags.SOURCE_NAME, "/work/nb-" + random.nextInt(50) + ".ipynb"));
            String id = store.createRun(exp, "user" + random.nextInt(8), start, "run-" + i, tags).runId();
            ids.add(id);
            batches.add(new LogBatch(id, metrics(random, start), params(random), List.of()));
            if (batches.size() == BATCH_RUNS || i == RUNS - 1) {
                store.logBatches(batches);
                for (int k = 0; k < ids.size(); k++) {
                    store.updateRun(ids.get(k), RunStatus.FINISHED, T0 + (i - ids.size() + 1 + k) * START_STEP_MS + 500, null);
                }
                batches.clear();
                ids.clear();
                if ((i + 1) % 10_000 == 0) Report.progress(String.format("  %,d runs written", i + 1));
            }
        }
    }

    /** alpha takes 10 values (0.1 .. 1.0); the others vary more or less. */
    private static List<Param> params(SplittableRandom random) {
        List<Param> out = new ArrayList<>(PARAMS);
        out.add(new Param("alpha", String.valueOf((random.nextInt(10) + 1) / 10.0)));
        for (int p = 1; p < PARAMS; p++) {
            out.add(new Param(String.format("p%02d", p), String.valueOf(random.nextInt(2 + p * 5))));
        }
        return out;
    }

    /**
     * r2 ends uniform in [0, 1); rmse wanders down to a minimum near 0.5 .. 3 (about a fifth of
     * the runs get to 1 or below); the others are noise.
     */
    private static List<Metric> metrics(SplittableRandom random, long start) {
        List<Metric> out = new ArrayList<>(METRICS * STEPS);
        double r2 = random.nextDouble();
        double rmseFloor = 0.5 + 2.5 * random.nextDouble();
        for (int s = 0; s < STEPS; s++) {
            long ts = start + s;
            double progress = (s + 1) / (double) STEPS;
            out.add(new Metric("r2", r2 * progress, ts, s));
            out.add(new Metric("rmse", rmseFloor + (1 - progress) * 2, ts, s));
            for (int m = 2; m < METRICS; m++) out.add(new Metric(String.format("m%02d", m), random.nextDouble(), ts, s));
        }
        return out;
    }
}
