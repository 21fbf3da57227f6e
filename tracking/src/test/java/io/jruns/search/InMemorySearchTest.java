package io.jruns.search;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static io.jruns.search.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests, paging tokens and the in-memory search that stores without SQL use. */
class InMemorySearchTest {
    static final List<Run> RUNS = IntStream.range(0, 25)
            .mapToObj(i -> run(String.format("r%02d", i)).start(i % 7).metric("m", i % 5).param("even", "" + (i % 2 == 0)).build())
            .toList();

    static SearchRequest.Builder request() {
        return SearchRequest.builder().experiments("1");
    }

    @Test
    void pagesThroughEveryMatchInOrderWithoutGapsOrRepeats() {
        SearchRequest req = request().filter("params.even = 'true'").orderBy("metrics.m DESC").maxResults(4).build();
        List<Run> all = InMemorySearch.search(req.withPageToken(null), RUNS).runs();
        List<String> whole = InMemorySearch.search(request().filter("params.even = 'true'").orderBy("metrics.m DESC")
                .maxResults(1000).build(), RUNS).runs().stream().map(Run::runId).toList();
        assertEquals(4, all.size());
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            SearchResult page = InMemorySearch.search(req.withPageToken(token), RUNS);
            page.runs().forEach(r -> paged.add(r.runId()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);
        assertEquals(13, whole.size());
        assertEquals(whole, paged);
        assertEquals(4, pages, "13 runs in pages of 4; no empty last page");
    }

    @Test
    void exactFitHasNoNextPage() {
        SearchResult r = InMemorySearch.search(request().maxResults(25).build(), RUNS);
        assertEquals(25, r.runs().size());
        assertNull(r.nextPageToken());
        assertTrue(r.nextPage().isEmpty());
    }

    @Test
    void aTokenFromAnotherSearchIsRefused() {
        String token = InMemorySearch.search(request().filter("metrics.m > 1").maxResults(2).build(), RUNS).nextPageToken();
        for (SearchRequest.Builder other : List.of(request().filter("metrics.m > 2"), request().filter("metrics.m > 1")
                .orderBy("start_time"), SearchRequest.builder().experiments("2").filter("metrics.m > 1"),
                request().filter("metrics.m > 1").viewType(ViewType.ALL))) {
            JrunsException e = assertThrows(JrunsException.class, () -> other.pageToken(token).build());
            assertTrue(e.getMessage().startsWith("page token is from a different search"), e.getMessage());
        }
        // The same search written differently is the same search; page size may change.
        SearchRequest same = request().filter("metric.m>1").maxResults(3).pageToken(token).build();
        assertEquals(3, InMemorySearch.search(same, RUNS).runs().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "AAAA", "anIzOmFiYw", "not base64 at all"})
    void malformedTokensAreRefused(String token) {
        JrunsException e = assertThrows(JrunsException.class, () -> request().pageToken(token).build());
        assertTrue(e.getMessage().startsWith("invalid page token"), e.getMessage());
        String negative = Base64.getUrlEncoder().encodeToString("jr1:-5:abc".getBytes(StandardCharsets.UTF_8));
        assertThrows(JrunsException.class, () -> request().pageToken(negative).build());
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        SearchPlan plan = SearchPlan.of(request().build());
        String far = PageToken.encode(1000, plan.fingerprint());
        SearchResult r = InMemorySearch.search(request().pageToken(far).build(), RUNS);
        assertEquals(List.of(), r.runs());
        assertNull(r.nextPageToken());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 50_001})
    void maxResultsIsBetweenOneAnd50000(int max) {
        JrunsException e = assertThrows(JrunsException.class, () -> request().maxResults(max).build());
        assertEquals("max results must be between 1 and 50,000, got " + max, e.getMessage());
        assertEquals(50_000, request().maxResults(50_000).build().maxResults());
    }

    @Test
    void requestDefaultsAndChecks() {
        SearchRequest r = request().build();
        assertEquals(ViewType.ACTIVE_ONLY, r.viewType());
        assertEquals(SearchRequest.DEFAULT_MAX_RESULTS, r.maxResults());
        assertEquals("", r.filter());
        assertEquals("a search needs at least one experiment id",
                assertThrows(JrunsException.class, () -> SearchRequest.builder().build()).getMessage());
        FilterException bad = assertThrows(FilterException.class, () -> request().filter("metrics.m LIKE 'x'").build());
        assertEquals(11, bad.column());
        assertThrows(FilterException.class, () -> request().orderBy("metrics.m SIDEWAYS").build());
    }

    @Test
    void orderByEntriesMayHoldSeveralKeys() {
        SearchPlan a = SearchPlan.of(request().orderBy("metrics.m DESC, start_time").build());
        SearchPlan b = SearchPlan.of(request().orderBy("metrics.m DESC", "start_time ASC").build());
        assertEquals(a.order(), b.order());
        assertEquals(a.fingerprint(), b.fingerprint());
    }
}
