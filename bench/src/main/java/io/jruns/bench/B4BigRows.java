package io.jruns.bench;

import io.jruns.bench.b4.BigSearchMain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * B4 at scale: two-clause filter + order searches over a generated store of 1,000,000 runs
 * (issue 14), beside the same searches over 100,000 runs of the same shape and a hand-written
 * SQLite join for the same page's ids, all in one child JVM.
 */
final class B4BigRows {
    static final double MAX_P50_MS = 50;

    private B4BigRows() {
    }

    static ChildJvm.Outcome run(Path cache, int runs, int searches) throws Exception {
        return ChildJvm.run(List.of("-Xmx1g"), BigSearchMain.class, cache.toAbsolutePath().toString(),
                String.valueOf(runs), String.valueOf(searches));
    }

    static void add(ResultTable t, ChildJvm.Outcome o) {
        String runs = Fmt.count(o.get("b4big.runs"));
        String base = Fmt.count(o.get("b4big.baseRuns"));
        search(t, o, "b4big.q1", "metrics.r2 > 0.3 AND params.alpha = \"0.5\" by r2 DESC", runs, base);
        search(t, o, "b4big.q3", "params.alpha = \"0.5\" AND metrics.rmse < 1 by rmse", runs, base);
    }

    private static void search(ResultTable t, ChildJvm.Outcome o, String name, String label, String runs, String base) {
        double p50 = o.get(name + ".jruns.median");
        boolean same = o.get(name + ".agree") == 1;
        t.row("B4 " + runs + " runs: " + label + ", max 100, p50 / p90 of " + Fmt.count(o.get(name + ".jruns.n")),
                ms(p50) + " / " + ms(o.get(name + ".jruns.p90")),
                ms(o.get(name + ".small.median")) + " / " + ms(o.get(name + ".small.p90")) + " (same search, " + base
                        + " runs); " + ms(o.get(name + ".sql.median")) + " (hand-written SQLite join, ids only)",
                Fmt.ratio(p50 / o.get(name + ".small.median")),
                "p50 <= " + Fmt.count(MAX_P50_MS) + " ms, same runs as the join", p50 <= MAX_P50_MS);
        if (!same) t.fail("B4 " + runs + " runs: " + label, "wrong result: not the runs the hand-written join finds");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%.1f ms" : "%,.0f ms", v);
    }
}
