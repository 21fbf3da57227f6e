package io.jruns.views;

import io.jruns.domain.Run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One label per compared run, unique (ignoring case, as table column names must be): the
 * run name, with the start of its id added when two runs share a name.
 */
public final class RunLabels {
    private RunLabels() {
    }

    /** @param reserved names the labels must not take (e.g. a table's first column) */
    public static List<String> of(List<Run> runs, String... reserved) {
        Set<String> names = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (Run r : runs) {
            if (!names.add(key(name(r)))) twice.add(key(name(r)));
        }
        for (String s : reserved) twice.add(key(s));
        Set<String> used = new HashSet<>();
        for (String s : reserved) used.add(key(s));
        Set<String> shortIds = new HashSet<>();
        boolean shortIsUnique = runs.stream().allMatch(r -> shortIds.add(shortId(r)));
        List<String> out = new ArrayList<>();
        for (Run r : runs) {
            String id = shortIsUnique ? shortId(r) : r.runId();
            String label = twice.contains(key(name(r))) ? name(r) + " (" + id + ")" : name(r);
            String unique = label;
            for (int n = 2; !used.add(key(unique)); n++) unique = label + " #" + n;
            out.add(unique);
        }
        return out;
    }

    static String name(Run r) {
        String n = r.info().runName();
        return n == null || n.isBlank() ? shortId(r) : n;
    }

    static String shortId(Run r) {
        String id = r.runId();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
