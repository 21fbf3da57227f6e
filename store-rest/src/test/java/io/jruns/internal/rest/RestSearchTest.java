package io.jruns.internal.rest;

import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.FilterParser;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches over REST: what is pushed to the server, and results equal to the embedded store's. */
class RestSearchTest extends SearchStores {
    @Override
    boolean serverRunsJrunsFilters() {
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "metrics.loss < 0.6 AND params.lr = '0.01' | metrics.`loss` < 0.6 AND params.`lr` = '0.01'",
            "metrics.loss < 0.6 OR params.lr = '0.01' | (none)",
            "MIN(metrics.loss) < 0.6 AND tags.team = 'a' | tags.`team` = 'a'",
            "LATEST(metrics.loss) >= 0.5 | metrics.`loss` >= 0.5",
            "metrics.loss != 1 | metrics.`loss` != 1",
            "metrics.loss > 1e999 | (none)",
            "metrics.`val loss` <= 2 | metrics.`val loss` <= 2",
            "run_id IN ('a1', 'b2') | attributes.run_id IN ('a1', 'b2')",
            "params.opt IN ('adam') | (none)",
            "status = 'FINISHED' AND created >= 5 | attributes.status = 'FINISHED' AND attributes.start_time >= 5",
            "tags.team = 'it''s' | tags.`team` = \"it's\"",
            "tags.team = 'a\\b' | (none)",
            "has_model = true AND params.a != '1' | params.`a` != '1'",
            "NOT params.a = '1' | (none)",
            "(params.a = '1' AND (params.b LIKE 'x%')) | params.`a` = '1' AND params.`b` LIKE 'x%'",
            "tags.team ILIKE 'évora' | (none)",
            "tags.team ILIKE 'TEAM-%' | tags.`team` ILIKE 'TEAM-%'",
            "user_id = 'alice' | (none)",
            "end_time < 1.5 | (none)",
            "metrics.m < +1e+3 AND metrics.n > .5 AND metrics.o >= 5. | metrics.`m` < 1e3 AND metrics.`n` > 0.5 AND metrics.`o` >= 5",
            "metrics.m = -2.50E-3 | metrics.`m` = -2.50e-3",
            "params.lr IS NULL AND tags.t IS NOT NULL AND params.a = 'x' | params.`a` = 'x'"})
    void pushedDownPart(String filter, String expected) {
        String pushed = FilterPushdown.of(FilterParser.parse(filter), List.of()).serverFilter();
        assertEquals(expected.equals("(none)") ? "" : expected, pushed);
    }

    /** Filters over {@link SearchData}'s runs: MLflow's, jruns-only, and mixed. */
    static List<String> filters() {
        return List.of("", "metrics.loss < 0.6 AND params.lr = '0.01'", "metrics.loss < 0.6 OR params.lr = '0.01'",
                "MIN(metrics.loss) < 0.1", "MAX(metrics.loss) > 0.8", "metrics.loss != 0.3", "metrics.loss > 1e308",
                "NOT (params.opt = 'adam')", "has_model = true", "has_model = false AND status != 'KILLED'",
                "tags.team = 'it''s'", "tags.team ILIKE 'évora'", "params.opt IS NULL", "tags.team IS NOT NULL AND metrics.loss IS NULL", "tags.team LIKE 'team-%' AND params.opt = 'adam'",
                "params.opt IN ('sgd', 'none')", "status = 'FINISHED' AND start_time >= 200", "end_time > 0",
                "metrics.`val loss` >= 1", "user_id LIKE 'user-_'", "run_name != 'a' AND metrics.loss >= 0.3",
                // MIN/MAX that a run's latest value settles, or not (see LatestBounds)
                "MAX(metrics.loss) >= 0.5", "MAX(metrics.loss) <= 0.6", "MIN(metrics.loss) <= 0.3", "MIN(metrics.loss) > 0.2",
                "MIN(metrics.loss) > 0.2 AND params.opt = 'adam'", "MIN(metrics.loss) = 0.05", "NOT MAX(metrics.loss) > 0.8",
                "MAX(metrics.loss) > 0.8 OR params.lr = '1'", "MIN(metrics.`val loss`) < 1 AND MAX(metrics.loss) < 1");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("filters")
    void sameRunsAsTheEmbeddedStore(String filter) {
        assertSameRuns(embedded, embeddedExp, rest, restExp, filter);
    }

    /** Every page of every order and view: the REST store's runs are the embedded store's. */
    static void assertSameRuns(io.jruns.store.Store embedded, String embeddedExp, io.jruns.store.Store rest, String restExp,
                               String filter) {
        for (String order : List.of("", "metrics.loss ASC", "params.lr DESC, run_name", "MIN(metrics.loss)",
                "MAX(metrics.loss) DESC")) {
            for (ViewType view : List.of(ViewType.ACTIVE_ONLY, ViewType.ALL)) {
                String what = "filter [" + filter + "] order [" + order + "] " + view;
                assertEquals(names(embedded, embeddedExp, filter, order, view), names(rest, restExp, filter, order, view), what);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "metrics.loss < 0.6 AND params.lr = '0.01' | false",
            "status = 'FINISHED' AND created >= 5 | false",
            "metrics.loss < 0.6 OR params.lr = '0.01' | true",
            "MIN(metrics.loss) < 0.6 AND tags.team = 'a' | true",
            "params.opt IN ('adam') | true",
            "tags.team = 'a\\b' | true"})
    void theWholeFilterGoesBesideOnlyWhenPartIsLeftToTheClient(String filter, boolean sent) {
        var parsed = FilterParser.parse(filter);
        String whole = FilterPushdown.of(parsed, List.of()).jrunsFilter();
        assertEquals(sent ? parsed.orElseThrow().render() : "", whole);
        if (sent) assertEquals(whole, FilterParser.parse(whole).orElseThrow().render(), "reads back as the same filter");
    }

    @Test
    void countsAreTheEmbeddedStoresAndStopOnePastAtMost() {
        for (String filter : List.of("", "metrics.loss < 0.6 OR params.lr = '0.01'", "MIN(metrics.loss) < 0.1", "params.opt = 'none'")) {
            for (ViewType view : List.of(ViewType.ACTIVE_ONLY, ViewType.ALL)) {
                long exact = embedded.countRuns(request(embeddedExp, filter, view), 0).runs();
                assertEquals(RunCount.exactly(exact), rest.countRuns(request(restExp, filter, view), Long.MAX_VALUE), filter + " " + view);
            }
        }
        long before = fx.fake.count("runs/search");
        assertEquals(RunCount.moreThan(1), rest.countRuns(request(restExp, "", ViewType.ALL), 1));
        assertEquals(1, fx.fake.count("runs/search") - before, "one server page of 2 runs says more than 1");
    }

    private static SearchRequest request(String exp, String filter, ViewType view) {
        return SearchRequest.builder().experiments(exp).filter(filter).viewType(view).build();
    }

    static List<String> names(io.jruns.store.Store s, String exp, String filter, String order, ViewType view) {
        SearchRequest.Builder b = SearchRequest.builder().experiments(exp).filter(filter).viewType(view).maxResults(2);
        if (!order.isEmpty()) b.orderBy(order);
        SearchRequest first = b.build();
        List<String> out = new ArrayList<>();
        SearchRequest page = first;
        while (true) { // page by page: the jruns page tokens work over REST too
            SearchResult r = s.searchRuns(page);
            r.runs().forEach(run -> out.add(run.info().runName()));
            if (r.nextPageToken() == null) return out;
            page = first.withPageToken(r.nextPageToken());
        }
    }

    @Test
    void theServerGetsOnlyWhatItCanRun() {
        int before = fx.fake.filters().size();
        List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp)
                .filter("metrics.loss < 0.6 AND (params.lr = '0.01' OR params.lr = '0.5')").build()).runs();
        // c's latest loss is NaN: it compares as 0, as on the server
        assertEquals(List.of("f", "c", "a"), runs.stream().map(r -> r.info().runName()).toList());
        List<String> sent = fx.fake.filters().subList(before, fx.fake.filters().size());
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(f -> f.equals("metrics.`loss` < 0.6")), sent.toString());
    }

    @Test
    void historiesAreReadInBulkAndOnlyForRunsWhoseLatestValueDoesNotSettleTheFilter() {
        long bulk = fx.fake.count("get-history-bulk-interval");
        long all = fx.fake.count("metrics/get-history");
        List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp).filter("MAX(metrics.loss) >= 0.5").build()).runs();
        assertEquals(List.of("d", "b", "a"), runs.stream().map(r -> r.info().runName()).toList());
        long bulkNow = fx.fake.count("get-history-bulk-interval") - bulk;
        assertTrue(bulkNow >= 1, "histories in bulk");
        List<String> whole = fx.fake.jrunsFilters();
        assertEquals("MAX(metrics.loss) >= 0.5", whole.get(whole.size() - 1), "sent beside, and ignored as MLflow does");
        assertEquals(bulkNow, fx.fake.count("metrics/get-history") - all, "no history read run by run");
    }

    @Test
    void aServerWithoutBulkHistoriesIsAskedRunByRunForTheUnsettledOnly() {
        fx.fake.override = s -> s.path().contains("get-history-bulk-interval") ? FakeMlflow.error(404, "ENDPOINT_NOT_FOUND", "no") : null;
        try (io.jruns.store.Store old = fx.open(fx.config().withSearchPageSize(2))) {
            long before = fx.fake.count("metrics/get-history");
            List<Run> runs = old.searchRuns(SearchRequest.builder().experiments(restExp).filter("MAX(metrics.loss) >= 0.5").build()).runs();
            assertEquals(List.of("d", "b", "a"), runs.stream().map(r -> r.info().runName()).toList());
            long bulkTries = 1; // refused once, then never asked again
            // of the five active runs with a loss (g is deleted), b (latest 0.6) and d (latest +inf) are settled by their latest value
            assertEquals(3 + bulkTries, fx.fake.count("metrics/get-history") - before);
            old.searchRuns(SearchRequest.builder().experiments(restExp).filter("MAX(metrics.loss) >= 0.5").build());
            assertEquals(3 + bulkTries + 3, fx.fake.count("metrics/get-history") - before, "bulk is not asked again");
        } finally {
            fx.fake.override = s -> null;
        }
    }

    @Test
    void aServerThatRefusesThePushedFilterIsAskedWithoutIt() {
        fx.fake.override = s -> s.path().endsWith("runs/search") && s.body().contains("\"filter\"")
                ? FakeMlflow.error(400, "INVALID_PARAMETER_VALUE", "Invalid attribute key 'run_name'") : null;
        try {
            List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp)
                    .filter("run_name = 'b'").build()).runs();
            assertEquals(List.of("b"), runs.stream().map(r -> r.info().runName()).toList());
        } finally {
            fx.fake.override = s -> null;
        }
    }

    @Test
    void aServerThatRefusesTheWholeFilterIsAskedWithTheMlflowPartAlone() {
        fx.fake.override = s -> s.path().endsWith("runs/search") && s.body().contains("\"jruns_filter\"")
                ? FakeMlflow.error(400, "INVALID_PARAMETER_VALUE", "Unknown field 'jruns_filter'") : null;
        try (io.jruns.store.Store strict = fx.open(fx.config().withSearchPageSize(2))) { // remembers the refusal
            int before = fx.fake.filters().size();
            String filter = "MIN(metrics.loss) > 0.2 AND params.opt = 'adam'";
            assertEquals(names(embedded, embeddedExp, filter, "", ViewType.ACTIVE_ONLY),
                    names(strict, restExp, filter, "", ViewType.ACTIVE_ONLY));
            List<String> sent = fx.fake.filters().subList(before, fx.fake.filters().size());
            assertFalse(sent.isEmpty());
            assertTrue(sent.stream().allMatch(f -> f.equals("params.`opt` = 'adam'")), sent.toString());
            long refused = fx.fake.seen().stream().filter(s -> s.body().contains("jruns_filter")).count();
            assertEquals(names(embedded, embeddedExp, "MAX(metrics.loss) > 0.8", "", ViewType.ALL),
                    names(strict, restExp, "MAX(metrics.loss) > 0.8", "", ViewType.ALL));
            assertEquals(refused, fx.fake.seen().stream().filter(s -> s.body().contains("jruns_filter")).count(),
                    "not sent again to a server that refused it");
        } finally {
            fx.fake.override = s -> null;
        }
    }

    @Test
    void anOrderTheServerDoesNotApplyReadsEveryCandidateOnce() {
        long before = fx.fake.count("runs/search");
        List<Run> runs = rest.searchRuns(SearchRequest.builder().experiments(restExp).orderBy("MAX(metrics.loss) DESC")
                .maxResults(2).build()).runs();
        assertEquals(List.of("d", "a"), runs.stream().map(r -> r.info().runName()).toList());
        assertEquals(3, fx.fake.count("runs/search") - before, "six active runs in pages of 2, read once");
    }

    @Test
    void anMlflowServerIsAskedForItsCountOnceAndCountedByReading() throws Exception {
        try (io.jruns.store.Store s = fx.open(fx.config().withSearchPageSize(2))) {
            SearchRequest all = request(restExp, "", ViewType.ACTIVE_ONLY);
            long probes = fx.fake.seen().stream().filter(q -> q.body().contains("jruns_count")).count();
            assertEquals(RunCount.exactly(6), s.countRuns(all, Long.MAX_VALUE));
            assertEquals(RunCount.exactly(6), s.countRuns(all, Long.MAX_VALUE));
            assertEquals(probes + 1, fx.fake.seen().stream().filter(q -> q.body().contains("jruns_count")).count());
        }
    }

    @Test
    void infinityAndTheDeletionTimeReadBack() {
        Run d = rest.searchRuns(SearchRequest.builder().experiments(restExp).filter("run_name = 'd'").build()).runs().get(0);
        assertEquals(Double.POSITIVE_INFINITY, d.metric("loss").orElseThrow());
        Run g = rest.listRuns(List.of(restExp), ViewType.DELETED_ONLY, 10).get(0);
        assertEquals("g", g.info().runName());
        assertTrue(g.info().deletedTime() != null && g.info().deletedTime() > 0);
        assertEquals(6, rest.listRuns(List.of(restExp), ViewType.ACTIVE_ONLY, 100).size());
        assertEquals(3, rest.listRuns(List.of(restExp), ViewType.ALL, 3).size());
    }
}
