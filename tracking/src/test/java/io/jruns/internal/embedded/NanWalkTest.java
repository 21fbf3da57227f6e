package io.jruns.internal.embedded;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metric walk when a NaN latest value passes its comparison ({@code metrics.rmse < 1}: NaN
 * compares as 0): values in order, then the NaN runs, then never the runs without the metric,
 * page by page across the two parts, as the in-memory evaluator has it.
 */
class NanWalkTest {
    @TempDir
    Path dir;
    EmbeddedStore store;
    Connection reader;
    String exp;
    /** Run names by rmse: 0.2, 0.7, NaN, NaN, 1.5, missing; start times 1..6 (later runs newer). */
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStore.inHome(dir);
        exp = store.createExperiment("nan-walk", null, Map.of());
        double[] rmse = {0.7, Double.NaN, 0.2, 1.5, Double.NaN, -1};
        for (int i = 0; i < rmse.length; i++) {
            String id = store.createRun(exp, "u", i + 1, "run-" + i, List.of(new RunTag("team", "a"))).runId();
            List<Metric> metrics = rmse[i] == -1 ? List.of(new Metric("other", 1, 1, 0))
                    : List.of(new Metric("rmse", 5, 1, 0), new Metric("rmse", rmse[i], 2, 1));
            store.logBatch(new LogBatch(id, metrics, List.of(new Param("alpha", "0.5")), List.of()));
            ids.add(id);
        }
        reader = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
    }

    @AfterEach
    void close() throws Exception {
        reader.close();
        store.close();
    }

    @Test
    void valuesThenNanRunsNewestFirstAcrossPages() throws Exception {
        // ascending: 0.2 (run 2), 0.7 (run 0), then NaN newest first (run 4, run 1)
        assertEquals(List.of(ids.get(2), ids.get(0), ids.get(4), ids.get(1)), pages("metrics.rmse < 1", "metrics.rmse", 1));
        // descending: values still come before NaN
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4), ids.get(1)), pages("metrics.rmse < 1", "metrics.rmse DESC", 3));
        // with a probed param, a further order key and a page that ends inside the NaN part
        assertEquals(List.of(ids.get(2), ids.get(0), ids.get(4), ids.get(1)),
                pages("params.alpha = '0.5' AND metrics.rmse <= 0.7", "metrics.rmse,tags.team DESC", 3));
    }

    @Test
    void theWalkMergesTwoShortPartsAndAgreesWithTheEvaluator() throws Exception {
        SearchPlan plan = SearchPlan.of(request("params.alpha = '0.5' AND metrics.rmse < 1", "metrics.rmse", 2).build());
        SearchSql.Query q = MetricWalk.choose(reader, plan, true);
        assertNotNull(q, "the walk applies");
        assertTrue(q.sql().contains(" UNION ALL "), q.sql());
        StringBuilder explain = new StringBuilder();
        try (var ps = reader.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) explain.append(rs.getString(4)).append('\n');
            }
        }
        // each part walks the metric index (values by range, NaN rows as NULL), never a scan of the runs
        assertTrue(explain.toString().contains("metric_summaries_by_key_latest (key=? AND latest<?)"), explain.toString());
        assertTrue(explain.toString().contains("metric_summaries_by_key_latest (key=? AND latest=?)")
                || explain.toString().contains("metric_summaries_by_key_latest (key=? AND latest IS NULL)"), explain.toString());
        assertTrue(!explain.toString().contains("SCAN r"), explain.toString());
        List<Run> all = store.listRuns(List.of(exp), io.jruns.domain.ViewType.ALL, 100);
        assertEquals(ids(InMemorySearch.search(plan, all).runs()), ids(RunSearch.page(reader, plan).runs()));
    }

    private SearchRequest.Builder request(String filter, String order, int page) {
        return SearchRequest.builder().experiments(exp).filter(filter).orderBy(order.split(",")).maxResults(page);
    }

    /** Every page of the search through the store (AUTO: the walk), checked page by page against the evaluator. */
    private List<String> pages(String filter, String order, int pageSize) {
        List<Run> all = store.listRuns(List.of(exp), io.jruns.domain.ViewType.ALL, 100);
        List<String> out = new ArrayList<>();
        SearchRequest r = request(filter, order, pageSize).build();
        while (true) {
            SearchResult sql = store.searchRuns(r);
            SearchResult memory = InMemorySearch.search(SearchPlan.of(r), all);
            assertEquals(ids(memory.runs()), ids(sql.runs()), "page after " + out);
            assertEquals(memory.nextPageToken(), sql.nextPageToken());
            out.addAll(ids(sql.runs()));
            if (sql.nextPageToken() == null) return out;
            r = r.withPageToken(sql.nextPageToken());
        }
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }
}
