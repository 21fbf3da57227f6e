package io.jruns.cli;

import io.jruns.domain.Run;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Which param and metric keys earn a column in a runs table: the ones most runs have. */
final class RunColumns {
    private RunColumns() {
    }

    static List<String> params(List<Run> runs, int max) {
        return params(runs, max, List.of());
    }

    static List<String> metrics(List<Run> runs, int max) {
        return metrics(runs, max, List.of());
    }

    /** As {@link #params(List, int)}, the keys a search named ({@code named}) first: a table sorted by a column shows it. */
    static List<String> params(List<Run> runs, int max, List<String> named) {
        return first(named, runs, r -> r.data().params().keySet(), max);
    }

    static List<String> metrics(List<Run> runs, int max, List<String> named) {
        return first(named, runs, r -> r.data().metrics().keySet(), max);
    }

    private static List<String> first(List<String> named, List<Run> runs, Function<Run, Set<String>> keys, int max) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String k : named) if (runs.stream().anyMatch(r -> keys.apply(r).contains(k))) out.add(k);
        for (String k : commonest(runs, keys, max + out.size())) {
            if (out.size() >= max) break;
            out.add(k);
        }
        return List.copyOf(out);
    }

    /** Keys by how many runs carry them (most first), ties by name; at most {@code max}. */
    private static List<String> commonest(List<Run> runs, Function<Run, Set<String>> keys, int max) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Run r : runs) keys.apply(r).forEach(k -> counts.merge(k, 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }
}
