package io.jruns.internal.manage;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.SearchRequest;
import io.jruns.store.StoreReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person types to name a run (the CLI, the magics, the API): its full id, a unique
 * prefix of its id (at least {@value #MIN_PREFIX} hex digits, searched in every experiment),
 * or its name (searched in the given experiments). A full id that exists wins; otherwise
 * every run matching as a prefix or a name is a candidate, and more than one is an error that
 * lists them. Commands that only read may ask for the newest of the runs sharing a name
 * ({@link #resolveNewest}): a notebook cloned by reproduce names the run it came from, which now
 * shares its name with the new one.
 */
public final class RunRefs {
    public static final int MIN_PREFIX = 4;
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F]{" + MIN_PREFIX + ",32}");
    private static final int SHOWN = 5;

    private RunRefs() {
    }

    /**
     * @param experimentIds where names are looked up
     * @param view which runs prefixes and names may match (a full id matches in any state)
     */
    public static Run resolve(StoreReader store, String ref, List<String> experimentIds, ViewType view) {
        return resolve(store, ref, experimentIds, view, null);
    }

    /**
     * As {@link #resolve}, but a name shared by several runs (and matching no id prefix) means
     * the newest of them; {@code note} is told which was chosen and how many share the name.
     */
    public static Run resolveNewest(StoreReader store, String ref, List<String> experimentIds, ViewType view,
                                    java.util.function.Consumer<String> note) {
        return resolve(store, ref, experimentIds, view, java.util.Objects.requireNonNull(note));
    }

    private static Run resolve(StoreReader store, String ref, List<String> experimentIds, ViewType view,
                               java.util.function.Consumer<String> newestNote) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) throw JrunsException.invalid("a run reference is empty: give a run id, a unique id prefix or a run name");
        if (FULL_ID.matcher(r).matches()) {
            Optional<Run> run = store.getRun(r);
            if (run.isPresent()) return run.get();
        }
        Map<String, Run> found = new LinkedHashMap<>();
        int byPrefix = matching(store, r, experimentIds, view, found);
        if (found.size() == 1) return fresh(store, found.values().iterator().next());
        if (newestNote != null && byPrefix == 0 && found.size() > 1) {
            Run newest = found.values().stream().max(java.util.Comparator.comparingLong((Run x) -> x.info().startTime())
                    .thenComparing(Run::runId)).orElseThrow();
            newestNote.accept((found.size() > SHOWN ? "more than " + SHOWN : found.size()) + " runs are named '"
                    + oneLine(r) + "'; using the newest, " + newest.runId() + " (give its id to choose another)");
            return fresh(store, newest);
        }
        String state = switch (view) {
            case ACTIVE_ONLY -> "active ";
            case DELETED_ONLY -> "deleted ";
            case ALL -> "";
        };
        if (found.isEmpty() && view == ViewType.ACTIVE_ONLY && isDeleted(store, r, experimentIds)) {
            throw JrunsException.notFound("no active run '" + oneLine(r) + "': it is deleted (restore it first)");
        }
        if (found.isEmpty()) {
            throw JrunsException.notFound("no " + state + "run '" + oneLine(r) + "' (by run id, id prefix or run name in "
                    + where(store, experimentIds) + ")");
        }
        String list = found.values().stream().limit(SHOWN).map(x -> x.runId() + " (" + oneLine(x.info().runName()) + ")")
                .collect(Collectors.joining(", "));
        throw JrunsException.invalid("run '" + oneLine(r) + "' is ambiguous: " + (found.size() > SHOWN ? "more than " + SHOWN
                : found.size()) + " " + state + "runs match: " + list + (found.size() > SHOWN ? ", ..." : "")
                + "; give more of the run id");
    }

    /**
     * The runs in {@code view} the reference names: by id prefix in any experiment, then by name
     * in {@code experimentIds}, into {@code found}; returns how many the prefix matched.
     */
    private static int matching(StoreReader store, String r, List<String> experimentIds, ViewType view, Map<String, Run> found) {
        if (PREFIX.matcher(r).matches()) {
            List<String> all = store.listExperiments(ViewType.ALL).stream().map(Experiment::experimentId).toList();
            search(store, all, "run_id LIKE '" + r.toLowerCase(Locale.ROOT) + "%'", view, found);
        }
        int byPrefix = found.size();
        if (!experimentIds.isEmpty()) search(store, experimentIds, "run_name = '" + r.replace("'", "''") + "'", view, found);
        return byPrefix;
    }

    /** Whether the reference names a deleted run (by id prefix or name), for a clearer error than "no active run". */
    private static boolean isDeleted(StoreReader store, String r, List<String> experimentIds) {
        Map<String, Run> deleted = new LinkedHashMap<>();
        matching(store, r, experimentIds, ViewType.DELETED_ONLY, deleted);
        return !deleted.isEmpty();
    }

    private static void search(StoreReader store, List<String> experiments, String filter, ViewType view, Map<String, Run> found) {
        SearchRequest q = SearchRequest.builder().experiments(experiments).filter(filter).viewType(view)
                .maxResults(SHOWN + 1).build();
        for (Run run : store.searchRuns(q).runs()) found.putIfAbsent(run.runId(), run);
    }

    private static String where(StoreReader store, List<String> experimentIds) {
        if (experimentIds.isEmpty()) return "no experiment";
        String names = experimentIds.stream().limit(SHOWN)
                .map(id -> "'" + store.getExperiment(id).map(Experiment::name).orElse(id) + "'")
                .collect(Collectors.joining(", "));
        return (experimentIds.size() == 1 ? "experiment " : "experiments ") + names
                + (experimentIds.size() > SHOWN ? ", ..." : "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Read as one run: some stores' searches carry the latest values only. */
    private static Run fresh(StoreReader store, Run found) {
        return store.getRun(found.runId()).orElse(found);
    }
}
