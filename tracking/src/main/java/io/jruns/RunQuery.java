package io.jruns;

import io.jruns.internal.manage.CsvExport;
import io.jruns.internal.manage.ExperimentRefs;
import io.jruns.internal.manage.RunTables;
import io.jruns.store.Progress;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.PageToken;
import io.jruns.search.RunCount;
import io.jruns.search.RunFrame;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.Store;
import tech.tablesaw.api.Table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A run search, built step by step and then run as a table, a list, one page or a CSV file:
 * <pre>{@code
 * Table t = Jruns.search().filter("metrics.r2 > 0.3").experiments("iris").orderBy("metrics.r2 DESC").max(10).table();
 * }</pre>
 * Without {@code experiments(...)} it searches the active experiment; without {@code state}
 * the active runs. {@code max} caps the runs returned: by default 100,000 for {@link #runs()}
 * and {@link #table()} (MLflow's search_runs default), every match for CSV, and 1,000 per
 * {@link #page()} (at most 50,000).
 */
public final class RunQuery {
    public static final int DEFAULT_MAX = 100_000;
    private static final int SCAN_PAGE = SearchRequest.MAX_RESULTS_LIMIT;

    private final Store store;
    private final Supplier<String> defaultExperiment;
    private final Runnable beforeRead;
    private final List<String> experiments = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();
    private String filter = "";
    private ViewType state = ViewType.ACTIVE_ONLY;
    private Integer max;
    private String pageToken;
    private int skip;

    /**
     * @param defaultExperiment the experiment id searched when none is named
     * @param beforeRead runs before each search (the facade flushes pending logging)
     */
    public RunQuery(Store store, Supplier<String> defaultExperiment, Runnable beforeRead) {
        this.store = store;
        this.defaultExperiment = defaultExperiment;
        this.beforeRead = beforeRead;
    }

    /** The filter expression (docs/search.md); empty matches every run. */
    public RunQuery filter(String filter) {
        this.filter = filter == null ? "" : filter;
        return this;
    }

    /** Experiments by name or id; may be called several times. */
    public RunQuery experiments(String... namesOrIds) {
        experiments.addAll(Arrays.asList(namesOrIds));
        return this;
    }

    public RunQuery state(ViewType state) {
        this.state = state;
        return this;
    }

    /** {@code active}, {@code deleted} or {@code all}. */
    public RunQuery state(String state) {
        return state(parseState(state));
    }

    /** Order keys such as {@code "metrics.r2 DESC"}; may be called several times. */
    public RunQuery orderBy(String... keys) {
        orderBy.addAll(Arrays.asList(keys));
        return this;
    }

    public RunQuery max(int max) {
        if (max < 1) throw JrunsException.invalid("max must be at least 1, got " + max);
        this.max = max;
        return this;
    }

    /** Where {@link #page()} starts: a token from an earlier page of the same search. */
    public RunQuery pageToken(String token) {
        this.pageToken = token;
        return this;
    }

    /** Passes over the first {@code runs} matches (for page N of size S, skip (N-1)*S); a page token, when given, wins. */
    public RunQuery skip(int runs) {
        if (runs < 0) throw JrunsException.invalid("skip must be at least 0, got " + runs);
        this.skip = runs;
        return this;
    }

    /** The search as a request with the given page size; the filter and order are checked here. */
    public SearchRequest request(int pageSize) {
        List<String> ids = experiments.isEmpty() ? List.of(defaultExperiment.get())
                : experiments.stream().map(e -> ExperimentRefs.resolve(store, e).experimentId()).distinct().toList();
        SearchRequest r = SearchRequest.builder().experiments(ids).filter(filter).viewType(state)
                .orderBy(orderBy.toArray(String[]::new)).maxResults(pageSize).pageToken(pageToken).build();
        if (pageToken != null || skip == 0) return r;
        return r.withPageToken(PageToken.encode(skip, SearchPlan.of(r).fingerprint())); // every store pages by these offsets
    }

    /**
     * How many runs match ({@code max} and the page play no part). The embedded store counts
     * exactly; a store that must read runs to count them (an MLflow server) stops after
     * {@code atMost} and answers "more than atMost".
     */
    public RunCount count(long atMost) {
        SearchRequest r = request(SearchRequest.DEFAULT_MAX_RESULTS).withPageToken(null);
        beforeRead.run();
        return store.countRuns(r, atMost);
    }

    /** One page of at most {@code max} runs (default 1,000), with the token of the next. */
    public SearchResult page() {
        SearchRequest r = request(max == null ? SearchRequest.DEFAULT_MAX_RESULTS : max);
        beforeRead.run();
        return store.searchRuns(r);
    }

    /** Every matching run, in order, at most {@code max} (default 100,000). */
    public List<Run> runs() {
        SearchRequest r = request(SCAN_PAGE);
        beforeRead.run();
        List<Run> out = new ArrayList<>();
        store.scanRuns(r, max == null ? DEFAULT_MAX : max, out::add);
        return out;
    }

    public RunFrame frame() {
        return RunFrame.of(runs());
    }

    /** The matching runs as a tablesaw Table (columns: {@link RunTables}), built as they are read. */
    public Table table() {
        SearchRequest r = request(SCAN_PAGE);
        beforeRead.run();
        RunTables table = new RunTables();
        store.scanRuns(r, max == null ? DEFAULT_MAX : max, table);
        return table.table("runs");
    }

    /** Writes every matching run (at most {@code max} when set) as CSV; returns the number of rows. */
    public long exportCsv(Path file) {
        return exportCsv(file, Progress.NONE);
    }

    /**
     * Writes to a part file beside {@code file} and moves it into place only when every row is
     * written, so a bad filter or a failed read leaves an existing file as it was.
     */
    public long exportCsv(Path file, Progress progress) {
        SearchRequest r = request(SCAN_PAGE);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw JrunsException.invalid("cannot write " + file + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) throw JrunsException.invalid("cannot write " + file + ": it is a folder; name a file in it");
        Path part = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            long rows;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), 1 << 16)) {
                rows = write(r, w, progress);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot write " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the part file is hidden; a later export replaces it
            }
        }
    }

    public long exportCsv(Writer out, Progress progress) {
        return write(request(SCAN_PAGE), out, progress);
    }

    private long write(SearchRequest r, Writer out, Progress progress) {
        beforeRead.run();
        return CsvExport.write(store, r, max == null ? Long.MAX_VALUE : max, out, progress);
    }

    /** {@code active}, {@code deleted} or {@code all} (any case); anything else is a clear error. */
    public static ViewType parseState(String state) {
        String s = state == null ? "" : state.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "active" -> ViewType.ACTIVE_ONLY;
            case "deleted" -> ViewType.DELETED_ONLY;
            case "all" -> ViewType.ALL;
            default -> throw JrunsException.invalid("state must be active, deleted or all, got '" + state + "'");
        };
    }
}
