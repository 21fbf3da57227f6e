package io.jruns.search;

import io.jruns.domain.Run;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a search over runs already in memory: filter, order, then the page. Stores that
 * cannot run a filter themselves use this over every run of the searched experiments.
 */
public final class InMemorySearch {
    private InMemorySearch() {
    }

    /** {@code runs} must already be limited to the request's experiments and view type. */
    public static SearchResult search(SearchRequest request, List<Run> runs) {
        return search(SearchPlan.of(request), runs);
    }

    public static SearchResult search(SearchPlan plan, List<Run> runs) {
        List<Run> matching = new ArrayList<>();
        for (Run r : runs) {
            if (plan.filter().isEmpty() || Evaluator.matches(plan.filter().get(), r)) matching.add(r);
        }
        matching.sort(RunOrder.comparator(plan.order()));
        return page(plan, matching);
    }

    /** The plan's page of {@code matches}, which are filtered and sorted already. */
    public static SearchResult page(SearchPlan plan, List<Run> matches) {
        List<Run> matching = matches;
        int from = Math.min(plan.offset(), matching.size());
        int to = (int) Math.min((long) from + plan.maxResults(), matching.size());
        return new SearchResult(matching.subList(from, to), plan.nextToken(to < matching.size(), to - from));
    }
}
