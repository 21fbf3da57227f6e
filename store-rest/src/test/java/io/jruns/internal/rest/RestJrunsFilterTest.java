package io.jruns.internal.rest;

import io.jruns.domain.Run;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches against a server that runs the whole jruns filter (as jruns ui does): the same runs
 * as the embedded store, and no history crosses the wire for the filter.
 */
class RestJrunsFilterTest extends SearchStores {
    @Override
    boolean serverRunsJrunsFilters() {
        return true;
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("io.jruns.internal.rest.RestSearchTest#filters")
    void sameRunsAsTheEmbeddedStore(String filter) {
        RestSearchTest.assertSameRuns(embedded, embeddedExp, rest, restExp, filter);
    }

    @Test
    void aJrunsOnlyFilterReadsNoHistory() {
        long histories = fx.fake.count("get-history-bulk-interval") + fx.fake.count("metrics/get-history");
        List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp).filter("MAX(metrics.loss) >= 0.5")
                .build()).runs();
        assertEquals(List.of("d", "b", "a"), runs.stream().map(r -> r.info().runName()).toList());
        assertEquals(histories, fx.fake.count("get-history-bulk-interval") + fx.fake.count("metrics/get-history"));
    }

    @Test
    void anOrderedPageReadsOnlyTheServerPagesItNeeds() {
        long before = fx.fake.count("runs/search");
        List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp).orderBy("MAX(metrics.loss) DESC")
                .maxResults(2).build()).runs();
        assertEquals(List.of("d", "a"), runs.stream().map(r -> r.info().runName()).toList());
        assertEquals(2, fx.fake.count("runs/search") - before, "two pages of 2 hold the page and one more");
    }

    @Test
    void countsToo() {
        String filter = "MIN(metrics.loss) < 0.1 OR params.opt = 'none'";
        SearchRequest r = SearchRequest.builder().experiments(embeddedExp).filter(filter).build();
        long exact = embedded.countRuns(r, 0).runs();
        long histories = fx.fake.count("get-history-bulk-interval") + fx.fake.count("metrics/get-history");
        int seen = fx.fake.seen().size();
        assertEquals(RunCount.exactly(exact), rest.countRuns(SearchRequest.builder().experiments(restExp).filter(filter)
                .orderBy("MAX(metrics.loss) DESC").build(), Long.MAX_VALUE));
        assertEquals(histories, fx.fake.count("get-history-bulk-interval") + fx.fake.count("metrics/get-history"));
        var sent = fx.fake.seen().subList(seen, fx.fake.seen().size());
        assertEquals(1, sent.size(), "the server counts: one request");
        assertTrue(sent.get(0).body().contains("jruns_filter"), "the filter runs on the server");
        assertTrue(sent.get(0).body().contains("jruns_count"));
        assertFalse(sent.get(0).body().contains("jruns_order_by"), "a count needs no order");
    }

    @Test
    void countsOfAFilterMlflowRunsWholeAndTheirCap() {
        String filter = "params.opt = 'adam'";
        long exact = embedded.countRuns(SearchRequest.builder().experiments(embeddedExp).filter(filter).build(), 0).runs();
        long before = fx.fake.count("runs/search");
        SearchRequest r = SearchRequest.builder().experiments(restExp).filter(filter).build();
        assertEquals(RunCount.exactly(exact), rest.countRuns(r, Long.MAX_VALUE));
        assertEquals(RunCount.moreThan(1), rest.countRuns(r, 1));
        assertEquals(2, fx.fake.count("runs/search") - before, "one request a count");
    }
}
