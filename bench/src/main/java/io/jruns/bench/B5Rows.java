package io.jruns.bench;

import io.jruns.bench.b5.ViewsMain;

import java.util.List;
import java.util.Locale;

/**
 * B5's rows: rendering the Experiment Runs table of 10,000 runs and %compare of 100 runs,
 * each beside a baseline measured in the same child JVM. {@link #main} runs B5 alone.
 */
final class B5Rows {
    static final double TABLE_MAX_MS = 100;
    static final double TABLE_MAX_BYTES = 500_000;
    static final double COMPARE_MAX_MS = 200;

    private B5Rows() {
    }

    static ChildJvm.Outcome run() throws Exception {
        return ChildJvm.run(List.of("-Xmx1g"), ViewsMain.class, "30");
    }

    static void add(ResultTable t, ChildJvm.Outcome o) {
        double j = o.get("b5.table.median");
        double naive = o.get("b5.naive.median");
        t.row("B5 runs table, 10,000 runs (page of 100, nested grouped, columns chosen), median of "
                        + Fmt.count(o.get("b5.table.n")) + " (min " + ms(o.get("b5.table.min")) + ")", ms(j),
                ms(naive) + " (naive HTML of the same 100 rows)",
                Fmt.ratio(j / naive), "<= 100 ms", j <= TABLE_MAX_MS);
        double bytes = o.get("b5.table.bytes");
        t.row("B5 runs table output (HTML; text/plain " + kb(o.get("b5.table.textBytes")) + ")", kb(bytes),
                kb(o.get("b5.naive.bytes")) + " (naive)", Fmt.ratio(bytes / o.get("b5.naive.bytes")), "< 500 KB",
                bytes < TABLE_MAX_BYTES);
        t.row("B5 tablesaw printAll of the same 10,000 runs as a Table", "", ms(o.get("b5.tablesaw.median")) + ", "
                + kb(o.get("b5.tablesaw.bytes")), "", "", null);
        t.row("B5 runs table, first render in a fresh JVM", ms(o.get("b5.table.cold")), "", "", "", null);
        double c = o.get("b5.compare.median");
        double cn = o.get("b5.naiveCompare.median");
        t.row("B5 %compare of 100 runs (3 tables + parallel coordinates), median of " + Fmt.count(o.get("b5.compare.n"))
                        + " (min " + ms(o.get("b5.compare.min")) + ")",
                ms(c), ms(cn) + " (naive params+metrics table)", Fmt.ratio(c / cn), "<= 200 ms", c <= COMPARE_MAX_MS);
        t.row("B5 %compare output (HTML with inline SVG)", kb(o.get("b5.compare.bytes")), kb(o.get("b5.naiveCompare.bytes")),
                "", "", null);
    }

    /** Runs B5 alone and prints its rows: java -cp ... io.jruns.bench.B5Rows */
    public static void main(String[] args) throws Exception {
        ResultTable t = new ResultTable();
        ChildJvm.Outcome o = run();
        if (o.ok()) add(t, o);
        else t.fail("B5 views", "child JVM failed, exit " + o.exitCode());
        System.out.print(t.render());
        System.exit(t.failed() ? 1 : 0); // a missed target is reported, not a failure
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%,.1f ms", v);
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, "%,.0f KB", bytes / 1024);
    }
}
