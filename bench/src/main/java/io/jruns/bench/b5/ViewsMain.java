package io.jruns.bench.b5;

import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;
import io.jruns.views.RunComparison;
import io.jruns.domain.Run;
import io.jruns.views.Rendered;
import io.jruns.views.html.CompareView;
import io.jruns.views.html.RunsTable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * B5 (run in a child JVM): rendering the views. The Experiment Runs table of 10,000 runs
 * (one page of 100, nested runs grouped, columns chosen) beside two baselines over the same
 * runs: a naive StringBuilder HTML table of the same page, and tablesaw's own plain-text
 * rendering of the runs as a Table (all rows, what displaying a search result prints). And
 * %compare of 100 runs (details, params and metrics tables, parallel coordinates) beside a
 * naive HTML table of the same params and metrics.
 * Usage: ViewsMain [ROUNDS]
 */
public final class ViewsMain {
    static final int RUNS = 10_000;
    static final int COMPARED = 100;
    static final int WARM_UP = 60;

    private ViewsMain() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Run> runs = ViewRuns.make(RUNS, 5);
        long now = System.currentTimeMillis();
        Report.progress("B5: " + RUNS + " runs in memory; " + rounds + " timed renders of each after " + WARM_UP + " untimed");

        Supplier<Rendered> table = () -> RunsTable.render(new RunsTable.View("Experiment Runs", "bench", runs, 1, 100, List.of(),
                now, p -> "%runs --page " + p, false));
        long cold = System.nanoTime();
        Rendered first = table.get();
        Report.figure("b5.table.cold", (System.nanoTime() - cold) / 1e6);
        Report.figure("b5.table.bytes", first.html().getBytes(StandardCharsets.UTF_8).length);
        Report.figure("b5.table.textBytes", first.text().getBytes(StandardCharsets.UTF_8).length);
        Report.stats("b5.table", time(rounds, table));
        Supplier<String> naive = () -> NaiveTables.runsPage(runs.subList(0, 100));
        Report.figure("b5.naive.bytes", naive.get().getBytes(StandardCharsets.UTF_8).length);
        Report.stats("b5.naive", time(rounds, naive));
        Supplier<String> tablesaw = () -> NaiveTables.tablesaw(runs).printAll();
        Report.figure("b5.tablesaw.bytes", tablesaw.get().getBytes(StandardCharsets.UTF_8).length);
        Report.stats("b5.tablesaw", time(5, 5, tablesaw)); // ~0.1 s a call: fewer rounds

        List<Run> compared = runs.subList(0, COMPARED);
        Supplier<Rendered> compare = () -> {
            RunComparison c = RunComparison.of(compared, id -> "bench", (id, key) -> ViewRuns.history(key));
            return CompareView.render(c, new CompareView.Show(true, false),
                    List.of(new CompareView.Plot("Parallel coordinates", c.parallel(), "[plot]")),
                    new CompareView.Context("bench", null, now, Map.of()));
        };
        Report.figure("b5.compare.bytes", compare.get().html().getBytes(StandardCharsets.UTF_8).length);
        Report.stats("b5.compare", time(rounds, compare));
        Supplier<String> naiveCompare = () -> NaiveTables.compare(compared);
        Report.figure("b5.naiveCompare.bytes", naiveCompare.get().getBytes(StandardCharsets.UTF_8).length);
        Report.stats("b5.naiveCompare", time(rounds, naiveCompare));
    }

    /** Milliseconds per call, after untimed calls that let the JIT compile the work. */
    static Stats time(int rounds, Supplier<?> work) {
        return time(rounds, WARM_UP, work);
    }

    static Stats time(int rounds, int warmUp, Supplier<?> work) {
        Object sink = null;
        for (int i = 0; i < warmUp; i++) sink = work.get();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) throw new IllegalStateException();
        return Stats.of(ms);
    }
}
