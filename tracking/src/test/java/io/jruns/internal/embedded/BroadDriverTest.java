package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.InMemorySearch;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Newest first with a param equality that matches most runs: the experiment index is walked
 * with probes until the page is full, instead of sorting every candidate the equality gives;
 * a narrow equality still drives; with no filter, an order by a metric walks its index (MetricSplit).
 * All give the evaluator's runs, page by page.
 */
class BroadDriverTest {
    @TempDir
    Path dir;
    EmbeddedStore store;
    Connection reader;
    String exp;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStore.inHome(dir);
        exp = store.createExperiment("broad", null, Map.of());
        List<LogBatch> batches = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // start times repeat in pairs, so the run id tiebreak matters
            String id = store.createRun(exp, "u", 1000 + i / 2, "run-" + i, List.of()).runId();
            batches.add(new LogBatch(id, List.of(new Metric("r2", (i * 7 % 10) / 10.0, 1, 0)),
                    List.of(new Param("alpha", i == 59 ? "0.9" : "0.5")), List.of()));
        }
        store.logBatches(batches);
        store.deleteRun(store.searchRuns(SearchRequest.builder().experiments(exp).maxResults(3).build()).runs().get(2).runId());
        reader = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
    }

    @AfterEach
    void close() throws Exception {
        reader.close();
        store.close();
    }

    @Test
    void aBroadEqualityWalksTheExperimentIndexNewestFirst() throws Exception {
        String plan = explain("metrics.r2 > 0.3 AND params.alpha = '0.5'", 2);
        assertTrue(plan.contains("SEARCH r USING INDEX runs_by_experiment (experiment_id=?)"), plan);
        assertTrue(!plan.contains("LIST SUBQUERY"), plan);
        assertTrue(assertSameAsTheEvaluator("metrics.r2 > 0.3 AND params.alpha = '0.5'", 2) > 10);
        assertTrue(assertSameAsTheEvaluator("params.alpha IN ('0.5', '0.9') AND metrics.r2 <= 0.3", 4) > 5);
    }

    @Test
    void aNarrowEqualityStillDrives() throws Exception {
        String plan = explain("metrics.r2 > 0.3 AND params.alpha = '0.9'", 2);
        assertTrue(plan.contains("params_by_key_value (key=? AND value=?)"), plan);
        assertEquals(1, assertSameAsTheEvaluator("metrics.r2 > 0.3 AND params.alpha = '0.9'", 2));
    }

    @Test
    void noFilterOrderedByAMetricWalksItsIndexThenTheRunsWithoutIt() throws Exception {
        store.createRun(exp, "u", 999, "no-metrics", List.of()); // the oldest: last of all
        SearchPlan plan = SearchPlan.of(SearchRequest.builder().experiments(exp).orderBy("metrics.r2 DESC").maxResults(7).build());
        assertTrue(MetricSplit.applies(reader, plan, false));
        assertTrue(assertSameAsTheEvaluator("", 7, "metrics.r2 DESC") > 5);
        assertTrue(assertSameAsTheEvaluator("", 7, "metrics.r2") > 5);
    }

    private String explain(String filter, int page) throws Exception {
        SearchPlan plan = SearchPlan.of(SearchRequest.builder().experiments(exp).filter(filter).maxResults(page).build());
        SearchSql.Query q = RunSearch.query(reader, plan, SearchSql.Strategy.AUTO);
        StringBuilder out = new StringBuilder();
        try (var ps = reader.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.append(rs.getString(4)).append('\n');
            }
        }
        return out.toString();
    }

    /** Pages through the search, each page as the evaluator's; returns how many pages. */
    private int assertSameAsTheEvaluator(String filter, int page, String... order) {
        List<Run> all = store.listRuns(List.of(exp), ViewType.ACTIVE_ONLY, 100);
        SearchRequest r = SearchRequest.builder().experiments(exp).filter(filter).orderBy(order).maxResults(page).build();
        int pages = 0;
        while (r != null) {
            SearchResult sql = store.searchRuns(r);
            SearchResult memory = InMemorySearch.search(SearchPlan.of(r), all);
            assertEquals(ids(memory.runs()), ids(sql.runs()), filter + ", page " + pages);
            assertEquals(memory.nextPageToken(), sql.nextPageToken());
            r = sql.nextPageToken() == null ? null : r.withPageToken(sql.nextPageToken());
            pages++;
        }
        return pages;
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }
}
