package io.jruns.magics.line;

import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.Run;
import io.jruns.RunQuery;
import io.jruns.domain.SystemTags;
import io.jruns.search.RunCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the view magics find runs: a search (filter, state, order, experiments) and RUN
 * references (a run id, a unique id prefix, or a run name in the experiments). All search
 * calls go through here, so the magics depend on the search API in one place.
 */
final class RunFinder {
    /**
     * The most runs the runs table loads when it cannot read just its page (nested runs, see
     * {@link #page}), and the most an MLflow server is read to count them; past this the
     * table says "more than" and suggests a filter.
     */
    static final int LIMIT = 10_000;
    /** Matches the runs nested under another run (they carry their parent's id). */
    private static final String NESTED = "tags.`" + SystemTags.PARENT_RUN_ID + "` LIKE '%'";

    /** Runs a search found, in order; {@code capped} when it stopped at {@link #LIMIT}. */
    record Found(List<Run> runs, boolean capped) {
    }

    private RunFinder() {
    }

    /** One page of runs straight from the store and how many runs match in all. */
    record Paged(List<Run> runs, RunCount count) {
    }

    /**
     * Page {@code page} of {@code size} runs, read alone from the store, and the count of every
     * match (exact on the embedded store; an MLflow server is read up to {@link #LIMIT} runs).
     * Empty when some matching run is nested under another: the table then shows families whole,
     * across the store's pages, so it loads the runs as before ({@link #search}).
     */
    static Optional<Paged> page(List<String> experiments, String filter, String state, List<String> orderBy, int page, int size) {
        String f = filter == null ? "" : filter;
        List<Run> runs = query(experiments, f, state, orderBy).skip((int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size))
                .max(size).page().runs(); // first, so a bad filter or order is reported as written
        String nested = NESTED + (f.isBlank() ? "" : " AND (" + f + ")");
        RunCount children = query(experiments, nested, state, List.of()).count(0);
        if (children.runs() > 0 || !children.exact()) return Optional.empty();
        return Optional.of(new Paged(runs, query(experiments, f, state, orderBy).count(LIMIT)));
    }

    private static RunQuery query(List<String> experiments, String filter, String state, List<String> orderBy) {
        RunQuery q = Jruns.search().filter(filter);
        if (!experiments.isEmpty()) q.experiments(experiments.toArray(String[]::new));
        if (state != null) q.state(state);
        if (!orderBy.isEmpty()) q.orderBy(orderBy.toArray(String[]::new));
        return q;
    }

    static Found search(List<String> experiments, String filter, String state, List<String> orderBy) {
        return search(experiments, filter, state, orderBy, LIMIT);
    }

    /** At most {@code limit} runs; {@code capped} when there were more. */
    static Found search(List<String> experiments, String filter, String state, List<String> orderBy, int limit) {
        RunQuery q = Jruns.search().filter(filter == null ? "" : filter).max(limit + 1);
        if (!experiments.isEmpty()) q.experiments(experiments.toArray(String[]::new));
        if (state != null) q.state(state);
        if (!orderBy.isEmpty()) q.orderBy(orderBy.toArray(String[]::new));
        List<Run> runs = q.runs();
        boolean capped = runs.size() > limit;
        return new Found(capped ? runs.subList(0, limit) : runs, capped);
    }

    /**
     * {@code --experiment} values: names or ids, several separated by commas (a value that is
     * itself an experiment's name is taken whole), as the experiments' names. Empty means the
     * active experiment; an unknown one is a one-line error.
     */
    static List<String> experiments(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (Jruns.client().getExperimentByName(v).isPresent()) {
                out.add(v);
                continue;
            }
            for (String part : v.split(",")) {
                // resolved here, once: an unknown one is named as the CLI names it, and ids become names
                if (!part.isBlank()) out.add(Jruns.client().experiment(part.strip()).name());
            }
        }
        return out;
    }

    /** The experiments' names by id (the table's Experiment column, shown when there are several). */
    static java.util.Map<String, String> byId(List<String> experiments) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (experiments.size() < 2) return out; // one experiment: the table has no column to fill
        for (String name : experiments) Jruns.client().getExperimentByName(name).ifPresent(e -> out.put(e.experimentId(), name));
        return out;
    }

    /** The experiments' names for a heading (the active experiment when none are given). */
    static String names(List<String> experiments) {
        if (experiments.isEmpty()) return Jruns.getExperiment().name();
        return String.join(", ", experiments);
    }

    /**
     * Resolves a RUN (id, unique id prefix or name) for a view, which only reads: a name shared
     * by several runs means the newest, and the cell says so. Unknown is a one-line error.
     */
    static Run resolve(MagicHost host, String ref, List<String> experiments) {
        return Jruns.client().findRun(ref, experiments, note -> host.display(Output.text("Note: " + note)));
    }

    /**
     * Whether a %compare word is a filter rather than a RUN: it parses as one. A run name
     * never does (a bare word is not a comparison), so names with spaces stay names.
     */
    static boolean isFilter(String word) {
        try {
            return io.jruns.search.FilterParser.parse(word).isPresent();
        } catch (JrunsException notAFilter) {
            return false;
        }
    }
}
