package io.jruns.store;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.FileInfo;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;
import io.jruns.search.InMemorySearch;
import io.jruns.search.RunCount;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of a store: experiments, runs, searches, metric histories and artifacts.
 * What a read-only source (an exported mlruns folder) implements; {@link Store} adds writes.
 */
public interface StoreReader extends AutoCloseable {
    /** A short description for messages, never containing credentials. */
    String describe();

    Optional<Experiment> getExperiment(String experimentId);

    Optional<Experiment> getExperimentByName(String name);

    List<Experiment> listExperiments(ViewType viewType);

    /**
     * The active experiments whose tag {@code key} is exactly {@code value}, oldest first: how a
     * notebook finds the experiment it owns ({@code mlflow.experiment.sourceName}) whatever it
     * is named. This default reads every experiment; stores that can look a tag up override it.
     */
    default List<Experiment> experimentsTagged(String key, String value) {
        return listExperiments(ViewType.ACTIVE_ONLY).stream().filter(e -> value.equals(e.tags().get(key)))
                .sorted(Experiment.OLDEST_FIRST).toList();
    }

    Optional<Run> getRun(String runId);

    /**
     * Who is still logging a RUNNING run, when the store knows and that process is alive (the
     * embedded store records the pid and host of the process that started it): "process 4242 on
     * host-a". Empty for ended runs, runs without an owner (made over an API, copied, imported),
     * owners that are gone, and stores that keep no owners (MLflow's).
     */
    default Optional<String> liveOwner(String runId) {
        return Optional.empty();
    }

    /** Runs of the given experiments, newest first. */
    List<Run> listRuns(List<String> experimentIds, ViewType viewType, int maxResults);

    /**
     * One page of the runs that match a search (filter language: docs/search.md). This
     * default loads every run of the experiments and filters in memory; stores that can run
     * the filter themselves override it with the same results.
     */
    default SearchResult searchRuns(SearchRequest request) {
        SearchPlan plan = SearchPlan.of(request); // a bad filter fails before any run is read
        return InMemorySearch.search(plan, listRuns(request.experimentIds(), request.viewType(), Integer.MAX_VALUE));
    }

    /**
     * Every run a search matches, in its order, across pages, at most {@code limit} of them;
     * returns how many were handed over. Pages are {@code request.maxResults()} runs each, so
     * memory holds one page at a time.
     */
    default long scanRuns(SearchRequest request, long limit, Consumer<Run> sink) {
        return LifecycleDefaults.scan(this, request, limit, sink);
    }

    /**
     * How many runs a search matches (its page token and page size play no part). Stores that
     * count cheaply answer exactly whatever {@code atMost}; others may stop after
     * {@code atMost} and answer "more than atMost". This default reads the runs with
     * {@link #scanRuns}, stopping one past {@code atMost}.
     */
    default RunCount countRuns(SearchRequest request, long atMost) {
        long cap = Math.max(0, atMost);
        long found = scanRuns(request.withPageToken(null), cap == Long.MAX_VALUE ? cap : cap + 1, run -> { });
        return RunCount.counted(found, cap);
    }

    /**
     * The rows of a CSV export of a search (at most {@code limit} runs, in its order) into
     * {@code table}; returns how many. This default reads the runs with {@link #scanRuns}.
     */
    default long csvRows(SearchRequest request, long limit, io.jruns.store.CsvTable table) {
        return io.jruns.store.CsvSpill.scan(this, request, limit, table);
    }

    /** Every point of one metric, in the order logged. */
    List<Metric> getMetricHistory(String runId, String key);

    List<FileInfo> listArtifacts(String runId, String path);

    /** A local path to read an artifact from (the file itself for local stores). */
    Path downloadArtifact(String runId, String path);

    @Override
    void close();

    /**
     * What this store holds for a run read from it that jruns' runs do not carry (an MLflow
     * run's dataset inputs, say), in a phrase; empty when nothing. Copies say what they left out.
     */
    default java.util.Optional<String> notCarried(String runId) {
        return java.util.Optional.empty();
    }
}
