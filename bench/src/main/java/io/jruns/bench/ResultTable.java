package io.jruns.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures as a plain-text table: benchmark | jruns | baseline | ratio | target | result.
 * A target not met is MISSED: the benchmark ran and measured, and says so. FAIL is kept for a
 * benchmark that did not run through or gave a wrong result; only that fails the run.
 */
public final class ResultTable {
    private static final String[] HEADER = {"benchmark", "jruns", "baseline", "ratio", "target", "result"};
    private final List<String[]> rows = new ArrayList<>();
    private boolean allPass = true;
    private boolean failed;

    /** A row with a verdict: PASS, or MISSED when {@code met} is false; {@code met == null} means an informational row. */
    public void row(String benchmark, String jruns, String baseline, String ratio, String target, Boolean met) {
        if (Boolean.FALSE.equals(met)) allPass = false;
        rows.add(new String[]{benchmark, jruns, baseline, ratio, target, met == null ? "" : met ? "PASS" : "MISSED"});
    }

    /** A benchmark that failed: its child JVM, or a wrong result (not a slow one). */
    public void fail(String benchmark, String why) {
        allPass = false;
        failed = true;
        rows.add(new String[]{benchmark, why, "", "", "", "FAIL"});
    }

    /** Every target met and nothing failed. */
    public boolean allPass() {
        return allPass;
    }

    /** Whether some benchmark failed (a missed target does not count): the exit status. */
    public boolean failed() {
        return failed;
    }

    public String render() {
        int[] width = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] r : all) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < all.size(); n++) {
            String[] r = all.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append(" | ");
                line.append(i == 0 || i == 4 || i == 5 ? padRight(r[i], width[i]) : padLeft(r[i], width[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) out.append("-".repeat(line.length())).append('\n');
        }
        return out.toString();
    }

    private static String padRight(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(w - s.length()) + s;
    }
}
