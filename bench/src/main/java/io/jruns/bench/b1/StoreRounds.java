package io.jruns.bench.b1;

import io.jruns.bench.child.Dirs;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.MetricColumns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store's side of B1 alone: B1's points handed to {@code logRound} as the writer hands
 * them (22 rounds of 100 keys × 455 steps, one run), without the caller, the queue or the
 * grouping, so that a change to how rounds are written shows above B1's end-to-end noise.
 * Prints the median of N stores (the first few are the JIT's). Usage: StoreRounds [N]
 */
public final class StoreRounds {
    private static final int ROUNDS = 22;
    private static final int KEYS = 100;
    private static final int STEPS = 455;

    private StoreRounds() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        double[] ms = new double[n];
        for (int r = 0; r < n; r++) {
            Path home = Files.createTempDirectory("jruns-store-rounds");
            try (EmbeddedStore s = EmbeddedStore.inHome(home)) {
                String run = s.createRun("0", "bench", 1, "rounds", List.of()).runId();
                long t0 = System.nanoTime();
                for (int round = 0; round < ROUNDS; round++) {
                    List<MetricColumns> cols = new ArrayList<>(KEYS);
                    for (int k = 0; k < KEYS; k++) {
                        MetricColumns m = new MetricColumns(run, "metric_" + k, STEPS);
                        for (int i = 0; i < STEPS; i++) {
                            long step = (long) round * STEPS + i;
                            m.add(Workload.value(k, (int) step), 1000 + step, step);
                        }
                        cols.add(m);
                    }
                    s.logRound(List.of(), List.of(), cols, List.of(), false);
                }
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
            Dirs.deleteTree(home);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("store side of B1: %,d points in %d rounds, median %.1f ms of %d stores (%.2f M points/s); each: %s%n",
                (long) ROUNDS * KEYS * STEPS, ROUNDS, sorted[n / 2], n, ROUNDS * KEYS * STEPS / sorted[n / 2] / 1e3,
                Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()));
    }
}
