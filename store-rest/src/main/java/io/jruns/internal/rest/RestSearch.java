package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import io.jruns.search.Evaluator;
import io.jruns.search.InMemorySearch;
import io.jruns.search.OrderKey;
import io.jruns.search.RunCount;
import io.jruns.search.RunOrder;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Run searches against an MLflow server: the part of the filter it supports goes with the
 * request ({@link FilterPushdown}), the whole filter is evaluated again on what comes back
 * with the shared evaluator, and pages are the jruns search's own. In the default order
 * (newest first, which is also the server's) pages stream: the server's pages are read only
 * until the requested page is full. With any other order every candidate is read and sorted.
 *
 * <p>When the server filter leaves part to the client, the whole filter also goes in the
 * request's {@code jruns_filter} field. MLflow ignores fields it does not know; jruns ui runs
 * it in place of {@code filter} and answers {@code "jruns_filter_applied": true}, so the runs
 * it returns are matches already and no history is read for the filter (a jruns-only filter
 * over REST otherwise reads every candidate run). Likewise a requested order goes in
 * {@code jruns_order_by}: jruns ui sorts its pages so ({@code "jruns_order_applied": true})
 * and the client reads only as many as the page needs, instead of every candidate.
 */
final class RestSearch {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Runs whose histories are read together before the next are looked at: a streamed page stops early. */
    private static final int CHUNK = RestRuns.BULK_RUNS;

    private final RestTransport http;
    private final SearchHistories histories;
    private final NotCarried notCarried;
    /** Set once a server refused a search for its jruns_ fields: they are not sent to it again. */
    private volatile boolean jrunsFieldsRefused;
    /** Set once a server answered a count request without a count (MLflow): not asked again. */
    private volatile boolean noServerCounts;

    RestSearch(RestTransport http, RestRuns runs) {
        this.http = http;
        this.histories = new SearchHistories(runs);
        this.notCarried = runs.notCarried;
    }

    SearchResult search(SearchRequest request) {
        SearchPlan plan = SearchPlan.of(request);
        FilterPushdown.Split split = FilterPushdown.of(plan.filter(), plan.order());
        List<Run> page = new ArrayList<>();
        long wanted = (long) plan.offset() + plan.maxResults() + 1; // one more tells whether a next page exists
        boolean[] sorted = {plan.order().isEmpty()}; // newest first is the server's own order
        boolean inOrder = eachMatch(plan, split, sorted, run -> {
            page.add(run);
            return !sorted[0] || page.size() < wanted; // a server that does not sort: every candidate
        });
        if (inOrder && sorted[0]) {
            int from = Math.min(plan.offset(), page.size());
            int to = (int) Math.min((long) from + plan.maxResults(), page.size());
            return new SearchResult(page.subList(from, to), plan.nextToken(to < page.size(), to - from));
        }
        if (!sorted[0]) { // every match was read: sort them here
            page.sort(RunOrder.comparator(plan.order()));
            return InMemorySearch.page(plan, page);
        }
        return InMemorySearch.page(plan, all(plan, split)); // the server's newest first was not: read all again
    }

    /** Every match, sorted: one pass over the server's pages, whatever the limit. */
    long scan(SearchRequest request, long limit, Consumer<Run> sink) {
        SearchPlan plan = SearchPlan.of(request);
        List<Run> matches = all(plan, FilterPushdown.of(plan.filter(), plan.order()));
        long n = 0;
        for (Run r : matches) {
            if (n >= limit) break;
            sink.accept(r);
            n++;
        }
        return n;
    }

    /**
     * jruns ui's exact count, in one request (see {@link #serverCount}); else matches counted as
     * the server's pages stream (order plays no part), stopping one past {@code atMost}: MLflow
     * has no count, so counting reads the runs themselves.
     */
    RunCount count(SearchRequest request, long atMost) {
        SearchPlan plan = SearchPlan.of(request.withPageToken(null));
        long cap = Math.max(0, atMost);
        FilterPushdown.Split split = FilterPushdown.of(plan.filter(), List.of());
        Long counted = noServerCounts || jrunsFieldsRefused ? null : serverCount(plan, split);
        if (counted != null) return counted > cap ? RunCount.moreThan(cap) : RunCount.exactly(counted);
        long[] found = {0};
        eachMatch(plan, split, null, run -> {
            found[0]++;
            return found[0] <= cap;
        });
        return RunCount.counted(found[0], cap);
    }

    List<Run> list(List<String> experimentIds, ViewType view, int maxResults) {
        List<Run> out = new ArrayList<>();
        if (experimentIds.isEmpty() || maxResults <= 0) return out;
        SearchPlan plan = SearchPlan.of(SearchRequest.builder().experiments(experimentIds).viewType(view).build());
        eachMatch(plan, FilterPushdown.Split.NONE, null, run -> {
            out.add(run);
            return out.size() < maxResults;
        });
        out.sort(RunOrder.comparator(List.of()));
        return out;
    }

    private List<Run> all(SearchPlan plan, FilterPushdown.Split split) {
        List<Run> out = new ArrayList<>();
        eachMatch(plan, split, null, run -> {
            out.add(run);
            return true;
        });
        out.sort(RunOrder.comparator(plan.order()));
        return out;
    }

    /**
     * Feeds the runs that match the plan's filter (with full histories where MIN/MAX need them)
     * to {@code more} until it returns false or the server's pages end. Returns false when the
     * server's order was not newest first (then a streamed page cannot be trusted). With an
     * order, {@code sorted[0]} says, from the first answer on, whether the server sorts its
     * pages that way; callers that sort or count for themselves pass null and the order is not
     * sent. A server that refuses the request is asked again without the jruns_
     * fields, then without the pushed filter.
     */
    private boolean eachMatch(SearchPlan plan, FilterPushdown.Split split, boolean[] sorted, Predicate<Run> more) {
        String filter = split.serverFilter();
        String whole = jrunsFieldsRefused ? "" : split.jrunsFilter();
        List<String> order = sorted == null || jrunsFieldsRefused ? List.of()
                : plan.order().stream().map(OrderKey::render).toList();
        boolean droppedWhole = false;
        String token = null;
        boolean first = true;
        boolean ordered = true;
        Comparator<Run> newestFirst = RunOrder.comparator(List.of());
        Run previous = null;
        while (true) {
            JsonNode answer;
            try {
                answer = http.post("runs/search", body(plan, filter, whole, order, token), RestTransport.Repeat.SAFE);
            } catch (RestException e) {
                boolean jrunsFields = !whole.isEmpty() || !order.isEmpty();
                if (!first || e.kind() != RestException.Kind.REFUSED || filter.isEmpty() && !jrunsFields) throw e;
                if (jrunsFields) { // a server that refuses fields it does not know, or this filter
                    whole = "";
                    order = List.of();
                    droppedWhole = true;
                } else {
                    filter = ""; // an older or stricter server: filter everything here
                    droppedWhole = false; // the refusal may have been the pushed filter's
                }
                continue;
            }
            if (first && droppedWhole) jrunsFieldsRefused = true;
            if (!order.isEmpty()) sorted[0] = answer.path("jruns_order_applied").asBoolean(false) && (first || sorted[0]);
            first = false;
            // the server's answer, not the request, says whether it ran the whole filter
            boolean filtered = !whole.isEmpty() && answer.path("jruns_filter_applied").asBoolean(false);
            FilterPushdown.Split pageSplit = filtered ? split.filteredByServer() : split;
            List<Run> page = new ArrayList<>();
            for (JsonNode n : answer.path("runs")) {
                notCarried.note(n);
                page.add(RestErrors.reading("POST runs/search", http.config(), () -> WireRuns.run(RestJson.run(n, "runs[]"), http.server())));
            }
            for (int from = 0; from < page.size(); from += CHUNK) {
                List<Run> chunk = histories.enrich(page.subList(from, Math.min(page.size(), from + CHUNK)), plan, pageSplit);
                for (Run run : chunk) {
                    if (order.isEmpty() && previous != null && newestFirst.compare(previous, run) > 0) ordered = false;
                    previous = run;
                    if (!filtered && plan.filter().isPresent() && !Evaluator.matches(plan.filter().get(), run)) continue;
                    if (!more.test(run)) return ordered;
                }
            }
            JsonNode next = answer.get("next_page_token");
            token = next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
            if (token == null) return ordered;
        }
    }

    /**
     * Asks for one run and {@code jruns_count}: jruns ui answers {@code jruns_run_count}, the
     * exact count of the whole filter. Null when the answer has none (MLflow): such a server is
     * not asked again, and a refusal is left to the streaming count.
     */
    private Long serverCount(SearchPlan plan, FilterPushdown.Split split) {
        ObjectNode b = body(plan, split.serverFilter(), split.jrunsFilter(), List.of(), null);
        b.put("max_results", 1);
        b.put("jruns_count", true);
        JsonNode answer;
        try {
            answer = http.post("runs/search", b, RestTransport.Repeat.SAFE);
        } catch (RestException e) {
            if (e.kind() != RestException.Kind.REFUSED) throw e;
            noServerCounts = true;
            return null;
        }
        JsonNode n = answer.get("jruns_run_count");
        boolean wholeFilter = split.jrunsFilter().isEmpty() || answer.path("jruns_filter_applied").asBoolean(false);
        if (n == null || !n.canConvertToLong() || n.asLong() < 0 || !wholeFilter) {
            noServerCounts = true;
            return null;
        }
        return n.asLong();
    }

    private ObjectNode body(SearchPlan plan, String filter, String whole, List<String> order, String token) {
        ObjectNode b = F.objectNode();
        var ids = b.putArray("experiment_ids");
        plan.experimentIds().forEach(ids::add); // strings: numbers would silently match nothing (50-edge-cases)
        if (!filter.isEmpty()) b.put("filter", filter);
        if (!whole.isEmpty()) b.put("jruns_filter", whole);
        if (!order.isEmpty()) order.forEach(b.putArray("jruns_order_by")::add);
        b.put("run_view_type", plan.viewType().name());
        b.put("max_results", http.config().searchPageSize());
        if (token != null) b.put("page_token", token);
        return b;
    }
}
