package io.jruns.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures as a plain-text table: benchmark | jruns | baseline | ratio | target | result. */
public final class ResultTable {
    private static final String[] HEADER = {"benchmark", "jruns", "baseline", "ratio", "target", "result"};
    private final List<String[]> rows = new ArrayList<>();
    private boolean allPass = true;

    /** A row with a verdict; {@code pass == null} means an informational row. */
    public void row(String benchmark, String jruns, String baseline, String ratio, String target, Boolean pass) {
        if (Boolean.FALSE.equals(pass)) allPass = false;
        rows.add(new String[]{benchmark, jruns, baseline, ratio, target, pass == null ? "" : pass ? "PASS" : "FAIL"});
    }

    public void fail(String benchmark, String why) {
        row(benchmark, why, "", "", "", false);
    }

    public boolean allPass() {
        return allPass;
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
