package io.jruns.bench;

import java.util.Locale;

/** B4's rows: search, CSV export and bulk delete on 100,000 runs, each beside its baseline. */
final class B4Rows {
    static final double Q1_MAX_MS = 20;
    static final double Q2_MAX_MS = 50;
    static final double CSV_MAX_MS = 3000;
    static final double BULK_MAX_MS = 1000;

    private B4Rows() {
    }

    static void add(ResultTable t, ChildJvm.Outcome o) {
        search(t, o, "b4.q1", "B4 metrics.r2 > 0.3 AND params.alpha = \"0.5\" by r2 DESC, max 100", Q1_MAX_MS);
        search(t, o, "b4.q2", "B4 MIN(metrics.rmse) <= 1 OR tags.team = \"a\", max 1,000", Q2_MAX_MS);
        double csv = o.get("b4.csv.jruns.median");
        boolean same = o.get("b4.csv.agree") == 1;
        t.row("B4 CSV of all " + Fmt.count(o.get("b4.csv.rows")) + " runs (" + Fmt.mb(o.get("b4.csv.bytes")) + "), median of 3",
                ms(csv), ms(o.get("b4.csv.base.median")) + " (generic path, runs in memory)", Fmt.ratio(csv / o.get("b4.csv.base.median")),
                "<= 3,000 ms" + (same ? "" : ", same bytes"), csv <= CSV_MAX_MS && same);
        t.row("B4 CSV export, CPU time of the process (both threads, GC too)", ms(o.get("b4.csv.cpu.median")), "", "", "", null);
        double bulk = o.get("b4.bulk.jruns.median");
        t.row("B4 bulk delete of " + Fmt.count(o.get("b4.bulk.changed")) + " runs by time, median of 3", ms(bulk),
                ms(o.get("b4.bulk.base.median")) + " (deleteRun per run)", Fmt.ratio(bulk / o.get("b4.bulk.base.median")),
                "<= 1,000 ms", bulk <= BULK_MAX_MS);
        t.row("B4 bulk restore of the same runs by time", ms(o.get("b4.bulk.restore.median")), "", "", "", null);
    }

    private static void search(ResultTable t, ChildJvm.Outcome o, String name, String label, double maxMs) {
        double j = o.get(name + ".jruns.median");
        double b = o.get(name + ".base.median");
        boolean same = o.get(name + ".agree") == 1;
        t.row(label + " (" + Fmt.count(o.get(name + ".matches")) + " runs), median of " + Fmt.count(o.get(name + ".jruns.n")),
                ms(j), ms(b) + " (in-memory evaluator)", Fmt.ratio(j / b),
                "<= " + Fmt.count(maxMs) + " ms, same runs", j <= maxMs && same);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%.1f ms" : "%,.0f ms", v);
    }
}
