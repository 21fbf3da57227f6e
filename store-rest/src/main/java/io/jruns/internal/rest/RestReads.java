package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The REST store's run reads: a run with its metrics' summaries, histories, and searches
 * ({@link RestSearch}). Each first lets pending logging go out ({@link LogSender#settle}), so
 * it sees everything logged before it. Kept apart from {@link RestWrites} so {@link RestStore}
 * is only the {@code Store} over both.
 */
final class RestReads {
    private final RestTransport http;
    private final LogSender sender;
    private final RestRuns runs;
    private final RestSearch search;

    RestReads(RestTransport http, LogSender sender, RestRuns runs) {
        this.http = http;
        this.sender = sender;
        this.runs = runs;
        this.search = new RestSearch(http, runs);
    }

    Optional<Run> run(String runId) {
        sender.settle();
        try {
            JsonNode answer = http.get("runs/get", Map.of("run_id", runId));
            JsonNode node = RestErrors.reading("GET runs/get", http.config(), () -> RestExperiments.required(answer, "run"));
            runs.notCarried.note(node);
            Run run = RestErrors.reading("GET runs/get", http.config(), () -> WireRuns.run(RestJson.run(node, "run"), http.server()));
            // MLflow sends the latest value only: min, max and count come from the full histories
            Map<String, List<Metric>> histories = new LinkedHashMap<>();
            for (String key : run.data().metrics().keySet()) histories.put(key, runs.history(runId, key));
            return Optional.of(WireRuns.withHistories(run, histories));
        } catch (RestException e) {
            if (e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST) return Optional.empty();
            throw e;
        }
    }

    List<Metric> history(String runId, String key) {
        sender.settle();
        return runs.history(runId, key);
    }

    List<Run> list(List<String> experimentIds, ViewType viewType, int maxResults) {
        sender.settle();
        return search.list(experimentIds, viewType, maxResults);
    }

    SearchResult search(SearchRequest request) {
        sender.settle();
        return search.search(request);
    }

    RunCount count(SearchRequest request, long atMost) {
        sender.settle();
        return search.count(request, atMost);
    }

    long scan(SearchRequest request, long limit, Consumer<Run> sink) {
        sender.settle();
        return search.scan(request, limit, sink);
    }
}
