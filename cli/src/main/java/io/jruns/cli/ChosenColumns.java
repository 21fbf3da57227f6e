package io.jruns.cli;

import io.jruns.domain.Run;
import io.jruns.views.Columns;
import io.jruns.views.Key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The params and metrics a runs table shows, and the ones its runs have that it leaves out,
 * so the table can say so instead of hiding them.
 */
record ChosenColumns(List<String> params, List<String> metrics, List<String> leftOut) {
    static final String OPTION_HELP = "params and metrics to show, e.g. metrics.loss,params.lr (default: those most runs have)";
    private static final int NAMES_IN_NOTE = 6;

    /**
     * {@code columns} as {@code %runs --columns}: comma-separated keys, {@code params.K},
     * {@code metrics.K} or a bare name (a metric first); null or blank chooses the commonest.
     */
    static ChosenColumns of(List<Run> runs, int perKind, NamedKeys named, String columns) {
        if (columns != null && !columns.isBlank()) {
            List<String> params = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            // the same resolution and error ("--columns: no run has ...") as the notebook's %runs
            for (Key k : Columns.choose(runs, runs, Arrays.asList(columns.split(",")))) {
                (k.kind() == Key.Kind.PARAM ? params : metrics).add(k.name());
            }
            return new ChosenColumns(params, metrics, List.of()); // chosen by hand: nothing to report
        }
        List<String> params = RunColumns.params(runs, perKind, named.params());
        List<String> metrics = RunColumns.metrics(runs, perKind, named.metrics());
        List<String> leftOut = new ArrayList<>(rest(runs, r -> r.data().params().keySet(), params, "params."));
        leftOut.addAll(rest(runs, r -> r.data().metrics().keySet(), metrics, "metrics."));
        return new ChosenColumns(params, metrics, leftOut);
    }

    private static List<String> rest(List<Run> runs, Function<Run, Set<String>> keys, List<String> shown, String prefix) {
        Set<String> all = new TreeSet<>();
        runs.forEach(r -> all.addAll(keys.apply(r)));
        all.removeAll(shown);
        return all.stream().map(k -> prefix + k).toList();
    }

    /** "jruns: +1 param, +2 metrics not shown (params.c, ...); --columns K,... picks them"; null when none. */
    String note() {
        if (leftOut.isEmpty()) return null;
        long p = leftOut.stream().filter(k -> k.startsWith("params.")).count();
        long m = leftOut.size() - p;
        List<String> counts = new ArrayList<>();
        if (p > 0) counts.add("+" + p + (p == 1 ? " param" : " params"));
        if (m > 0) counts.add("+" + m + (m == 1 ? " metric" : " metrics"));
        Set<String> names = new LinkedHashSet<>(leftOut.subList(0, Math.min(NAMES_IN_NOTE, leftOut.size())));
        return "jruns: " + String.join(", ", counts) + " not shown (" + String.join(", ", names)
                + (leftOut.size() > NAMES_IN_NOTE ? ", ..." : "") + "); --columns K,... picks the columns";
    }
}
