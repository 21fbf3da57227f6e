package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.views.Key;
import io.jruns.views.RunComparison;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.views.html.CompareView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The plots {@code %compare --plot ...} asks for, with defaults for keys left out. */
final class ComparePlots {
    static final Set<String> KINDS = Set.of("parallel", "scatter", "contour", "history", "none");

    private ComparePlots() {
    }

    static List<CompareView.Plot> of(RunComparison c, ParsedArgs args) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String v : args.values("plot")) {
            for (String k : v.split(",")) {
                String kind = k.strip().toLowerCase(Locale.ROOT);
                if (!KINDS.contains(kind)) {
                    throw JrunsException.invalid("%compare: unknown --plot '" + k.strip() + "' (expected parallel, scatter, contour, history or none)");
                }
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty() && c.runs().size() > 1) kinds.add("parallel");
        if (kinds.contains("none")) return List.of();
        String color = args.value("color").orElse(null);
        List<CompareView.Plot> out = new ArrayList<>();
        for (String kind : kinds) {
            switch (kind) {
                case "parallel" -> {
                    List<String> axes = RunComparison.axes(args.value("axes").map(List::of).orElse(List.of()));
                    out.add(new CompareView.Plot("Parallel coordinates", c.parallel(axes, color),
                            "[parallel coordinates plot of " + c.runs().size() + " runs; shown in HTML]"));
                }
                case "scatter" -> {
                    String x = args.value("x").orElseGet(() -> first(c.defaultAxes(), "scatter", "--x"));
                    String y = args.value("y").orElseGet(() -> metric(c, "scatter", "--y"));
                    out.add(new CompareView.Plot("Scatter: " + c.key(y).name() + " by " + c.key(x).name(), c.scatter(x, y, color),
                            "[scatter plot of " + y + " against " + x + "; shown in HTML]"));
                }
                case "contour" -> {
                    List<Key> numeric = c.defaultAxes().stream().filter(k -> c.numeric(k)).toList();
                    String x = args.value("x").orElseGet(() -> first(numeric, "contour", "--x"));
                    String y = args.value("y").orElseGet(() -> numeric.size() > 1 ? numeric.get(1).qualified()
                            : missing("contour", "--y"));
                    String z = args.value("z").orElseGet(() -> metric(c, "contour", "--z"));
                    out.add(new CompareView.Plot("Contour: " + c.key(z).name() + " over " + c.key(x).name() + " and " + c.key(y).name(),
                            c.contour(x, y, z), "[contour plot of " + z + " over " + x + " and " + y + "; shown in HTML]"));
                }
                case "history" -> {
                    String m = args.value("metric").orElseGet(() -> metric(c, "history", "--metric"));
                    out.add(new CompareView.Plot("History: " + c.key(m).name() + " by step", c.history(m),
                            "[history plot of " + m + " for " + c.runs().size() + " runs; shown in HTML]"));
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        return out;
    }

    private static String first(List<Key> keys, String plot, String option) {
        return keys.isEmpty() ? missing(plot, option) : keys.get(0).qualified();
    }

    private static String metric(RunComparison c, String plot, String option) {
        Key m = c.defaultMetric();
        return m == null ? missing(plot, option) : m.qualified();
    }

    private static String missing(String plot, String option) {
        throw JrunsException.invalid("%compare --plot " + plot + ": give " + option + " K (no default fits these runs)");
    }
}
