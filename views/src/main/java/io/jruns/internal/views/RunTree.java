package io.jruns.internal.views;

import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs in display order with nested runs under their parent (tag mlflow.parentRunId): a
 * depth-first walk that keeps the given order among siblings. A run whose parent is not
 * among the runs is a top-level row; a parent cycle cannot loop. Works on positions in the
 * list (a table of 10,000 runs walks them in a few milliseconds).
 */
public final class RunTree {
    /** One row: the run, how deep it is, how many runs are below it, and its top-level run's number. */
    public record Row(Run run, int depth, int descendants, int family) {
    }

    private RunTree() {
    }

    public static List<Row> rows(List<Run> runs) {
        int n = runs.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.putIfAbsent(runs.get(i).runId(), i);
        int[] parent = new int[n];
        int[] childCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            String p = runs.get(i).data().tags().get(SystemTags.PARENT_RUN_ID);
            Integer j = p == null ? null : index.get(p);
            parent[i] = j == null || j == i ? -1 : j;
            if (parent[i] >= 0) childCount[parent[i]]++;
        }
        // children of run j, in list order: kids[start[j] .. start[j + 1])
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) start[j + 1] = start[j] + childCount[j];
        int[] fill = start.clone();
        int[] kids = new int[start[n]];
        for (int i = 0; i < n; i++) if (parent[i] >= 0) kids[fill[parent[i]]++] = i;

        int[] order = new int[n];
        int[] depth = new int[n];
        int[] family = new int[n];
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] stackDepth = new int[n];
        int count = 0;
        int families = 0;
        // top-level runs first; then runs caught in a parent cycle (never reached from a top-level run)
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < n; r++) {
                if (seen[r] || pass == 0 && parent[r] >= 0) continue;
                int top = 0;
                stack[top] = r;
                stackDepth[top++] = 0;
                while (top > 0) {
                    int x = stack[--top];
                    int d = stackDepth[top];
                    if (seen[x]) continue;
                    seen[x] = true;
                    order[count] = x;
                    depth[count] = d;
                    family[count++] = families;
                    for (int k = start[x + 1] - 1; k >= start[x]; k--) {
                        if (seen[kids[k]]) continue;
                        stack[top] = kids[k];
                        stackDepth[top++] = d + 1;
                    }
                }
                families++;
            }
        }
        return rows(runs, order, depth, family, count);
    }

    /**
     * The rows of {@code runs} (one page of a search) with {@code parents}, runs they are nested
     * in that are not among them, each put just before the first run nested in it, so a page's
     * children sit under their parent at the place they came in the order rather than stand alone.
     */
    public static List<Row> rows(List<Run> runs, List<Run> parents) {
        if (parents.isEmpty()) return rows(runs);
        Map<String, Run> byId = new HashMap<>();
        for (Run p : parents) byId.putIfAbsent(p.runId(), p);
        Set<String> placed = new HashSet<>();
        for (Run r : runs) placed.add(r.runId());
        List<Run> listed = new ArrayList<>(runs.size() + parents.size());
        for (Run r : runs) {
            // the chain of parents not yet placed, innermost first; a cycle stops at a run seen
            List<Run> chain = new ArrayList<>();
            Run p = byId.get(r.data().tags().get(SystemTags.PARENT_RUN_ID));
            while (p != null && placed.add(p.runId())) {
                chain.add(p);
                p = byId.get(p.data().tags().get(SystemTags.PARENT_RUN_ID));
            }
            for (int i = chain.size() - 1; i >= 0; i--) listed.add(chain.get(i));
            listed.add(r);
        }
        return rows(listed);
    }

    /** The rows, each with the number of rows below it (those after it until one at its depth or above). */
    private static List<Row> rows(List<Run> runs, int[] order, int[] depth, int[] family, int count) {
        int[] end = new int[count];
        int[] open = new int[count];
        int top = 0;
        for (int i = 0; i < count; i++) {
            while (top > 0 && (depth[open[top - 1]] >= depth[i] || family[open[top - 1]] != family[i])) end[open[--top]] = i;
            open[top++] = i;
        }
        while (top > 0) end[open[--top]] = count;
        List<Row> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(new Row(runs.get(order[i]), depth[i], end[i] - i - 1, family[i]));
        return out;
    }
}
