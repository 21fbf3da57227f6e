package io.jruns.views;

import io.jruns.domain.JrunsException;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which params and metrics get a column in the runs table: the ones named with
 * {@code --columns}, or else the ones that vary most across the shown runs (most distinct
 * values, then most runs having them, then name), a few of each.
 */
public final class Columns {
    public static final int PER_KIND = 4;

    private Columns() {
    }

    /** The chosen keys, params first. {@code named} empty means choose. */
    public static List<Key> choose(List<Run> shown, List<Run> all, List<String> named) {
        if (!named.isEmpty()) {
            List<Key> out = new ArrayList<>();
            for (String n : named) {
                if (n.isBlank()) continue;
                try {
                    Key k = Key.resolve(n, all);
                    if (!out.contains(k)) out.add(k);
                } catch (JrunsException e) {
                    throw JrunsException.invalid("--columns: " + e.getMessage().replace("no compared run", "no run"));
                }
            }
            return out;
        }
        List<Key> out = new ArrayList<>(top(shown, Key.Kind.PARAM));
        out.addAll(top(shown, Key.Kind.METRIC));
        return out;
    }

    private static List<Key> top(List<Run> runs, Key.Kind kind) {
        Map<String, Set<Object>> distinct = new HashMap<>();
        Map<String, Integer> present = new HashMap<>();
        for (Run r : runs) {
            Map<String, ?> values = kind == Key.Kind.PARAM ? r.data().params() : r.data().metrics();
            for (Map.Entry<String, ?> e : values.entrySet()) {
                Object v = e.getValue() instanceof MetricSummary s ? (Object) s.latest() : e.getValue();
                Set<Object> set = distinct.computeIfAbsent(e.getKey(), k -> new HashSet<>());
                if (set.size() <= runs.size()) set.add(v);
                present.merge(e.getKey(), 1, Integer::sum);
            }
        }
        List<String> keys = new ArrayList<>(distinct.keySet());
        keys.sort(Comparator.comparingInt((String k) -> -variety(distinct.get(k).size(), present.get(k), runs.size()))
                .thenComparing(k -> -present.get(k)).thenComparing(Comparator.naturalOrder()));
        List<Key> out = new ArrayList<>();
        for (String k : keys.subList(0, Math.min(PER_KIND, keys.size()))) out.add(new Key(kind, k));
        return out;
    }

    /** Distinct values, counting "missing" as one more when some runs lack the key. */
    private static int variety(int distinct, int present, int runs) {
        return distinct + (present < runs ? 1 : 0);
    }
}
