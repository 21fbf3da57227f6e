package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.ViewType;
import io.jruns.search.FilterException;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search on the embedded store (SQL), against the same runs as the recorded MLflow
 * exchanges (mlflow-wire 27-30), and through Store's default in-memory search too.
 */
class EmbeddedSearchTest {
    @TempDir
    Path dir;
    EmbeddedStore store;
    Store inMemory;
    String exp;
    String runA;
    String runB;

    @BeforeEach
    void open() {
        store = EmbeddedStore.inHome(dir);
        inMemory = defaultSearchOnly(store);
        exp = store.createExperiment("wire", null, Map.of());
        runA = store.createRun(exp, "alice", 1795719911682L, "run-a", List.of(new RunTag("mlflow.source.type", "NOTEBOOK"),
                new RunTag("mlflow.source.name", "train.ipynb"), new RunTag("mlflow.note.content", "hello"))).runId();
        store.logBatch(new LogBatch(runA, List.of(new Metric("loss", 0.9, 1795719911682L, 0),
                new Metric("loss", 0.3, 1795719911682L, 2), new Metric("weird", Double.NaN, 1795719911682L, 0),
                new Metric("acc", 0.8, 1795719911682L, 2)),
                List.of(new Param("lr", "0.01"), new Param("epochs", "3")), List.of()));
        runB = store.createRun(exp, null, 1795719911683L, "run-b", List.of(new RunTag("mlflow.parentRunId", runA))).runId();
        store.logBatch(new LogBatch(runB, List.of(new Metric("loss", 0.7, 1795719911682L, 0),
                new Metric("acc", 0.6, 1795719911682L, 0)), List.of(new Param("lr", "0.1")), List.of()));
        store.updateRun(runB, RunStatus.FINISHED, 1795719912682L, "run-b-renamed");
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The same store with searchRuns left to Store's default (what a store without SQL gets). */
    static Store defaultSearchOnly(Store real) {
        InvocationHandler h = (proxy, method, args) -> method.getName().equals("searchRuns")
                ? InvocationHandler.invokeDefault(proxy, method, args)
                : method.invoke(real, args);
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, h);
    }

    private List<String> ids(Store s, SearchRequest r) {
        return s.searchRuns(r).runs().stream().map(Run::runId).toList();
    }

    private List<String> both(SearchRequest r) {
        List<String> sql = ids(store, r);
        assertEquals(sql, ids(inMemory, r), "SQL and in-memory differ for " + r);
        return sql;
    }

    @Test
    void recordedMlflowSearchesGiveTheSameRuns() {
        // 27-search-filter
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp)
                .filter("metrics.loss < 0.6 and params.lr = '0.01'").maxResults(10).orderBy("metrics.acc DESC").build()));
        // 28-search-runname: ILIKE ignores case; run-a is still RUNNING
        assertEquals(List.of(runB), both(SearchRequest.builder().experiments(exp)
                .filter("attributes.run_name ILIKE 'RUN-%' AND attributes.status = 'FINISHED'").build()));
        // 29-search-runid-in
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp)
                .filter("attributes.run_id IN ('" + runA + "','" + runB + "') AND tags.`mlflow.user` = \"alice\"")
                .orderBy("attributes.start_time ASC").build()));
        // 30-search-paged: newest first, one per page
        SearchRequest first = SearchRequest.builder().experiments(exp).maxResults(1).orderBy("start_time DESC").build();
        SearchResult p1 = store.searchRuns(first);
        assertEquals(List.of(runB), p1.runs().stream().map(Run::runId).toList());
        assertNotNull(p1.nextPageToken());
        SearchResult p2 = store.searchRuns(first.withPageToken(p1.nextPageToken()));
        assertEquals(List.of(runA), p2.runs().stream().map(Run::runId).toList());
        assertNull(p2.nextPageToken());
    }

    @Test
    void pageRunsCarryAllTheirData() {
        SearchResult r = store.searchRuns(SearchRequest.builder().experiments(exp).build());
        assertEquals(List.of(store.getRun(runB).orElseThrow(), store.getRun(runA).orElseThrow()), r.runs());
        Run a = r.runs().get(1);
        assertTrue(Double.isNaN(a.data().metrics().get("weird").latest()));
        assertEquals(0.3, a.data().metrics().get("loss").latest());
        assertEquals(0.3, a.data().metrics().get("loss").min());
        assertEquals(0.9, a.data().metrics().get("loss").max());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            metrics.weird != 0                        | ~~
            metrics.weird = 0                         | A
            metrics.weird < 0.3                       | A
            NOT metrics.weird = 0                     | B
            MIN(metrics.loss) < 0.5                   | A
            MAX(metrics.loss) >= 0.9                  | A
            metrics.missing != 1                      | ~~
            NOT metrics.missing = 1                   | B,A
            user_id = 'alice'                         | A
            NOT user_id = 'alice'                     | B
            end_time > 0                              | B
            NOT end_time > 0                          | A
            tags.mlflow.parentRunId LIKE '%'          | B
            params.lr = 0.1                           | B
            params.lr IN (0.1, '0.01')                | B,A
            params.lr NOT IN ('0.1')                  | A
            params.lr LIKE '0._1'                     | A
            params.lr LIKE '0.*'                      | ~~
            status ILIKE 'r_nn%'                      | A
            has_model = false                         | B,A
            has_model = true                          | ~~
            params.lr = '0.1' OR metrics.weird != 1   | B,A
            """)
    void nullsNanAndMissingKeysAgree(String filter, String expected) {
        List<String> want = new ArrayList<>();
        if (expected != null && !expected.isEmpty()) for (String s : expected.split(",")) want.add(s.equals("A") ? runA : runB);
        assertEquals(want, both(SearchRequest.builder().experiments(exp).filter(filter).build()));
    }

    @Test
    void userTextIsBoundNeverSpliced() {
        String hostile = "x'); DROP TABLE runs; --";
        store.logBatch(new LogBatch(runA, List.of(), List.of(), List.of(new RunTag("note", hostile))));
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp).filter("tags.note = \"" + hostile + "\"").build()));
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp).filter("tags.`note` ILIKE '%drop table%'").build()));
        assertEquals(2, store.listRuns(List.of(exp), ViewType.ALL, 10).size(), "runs table still there");
    }

    @Test
    void ilikeFoldsCaseBeyondAscii() {
        store.logBatch(new LogBatch(runA, List.of(), List.of(), List.of(new RunTag("city", "ÉVORA"))));
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp).filter("tags.city ILIKE 'évora'").build()));
        assertEquals(List.of(), both(SearchRequest.builder().experiments(exp).filter("tags.city LIKE 'évora'").build()));
    }

    @Test
    void viewTypesAndSeveralExperiments() {
        String other = store.createExperiment("other", null, Map.of());
        String runC = store.createRun(other, "bob", 5, "c", List.of()).runId();
        store.deleteRun(runA);
        SearchRequest.Builder base = SearchRequest.builder().experiments(exp, other);
        assertEquals(List.of(runB, runC), both(base.build()));
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp, other).viewType(ViewType.DELETED_ONLY).build()));
        assertEquals(List.of(runB, runA, runC), both(SearchRequest.builder().experiments(exp, other).viewType(ViewType.ALL).build()));
        assertEquals(List.of(), both(SearchRequest.builder().experiments("424242").build()));
    }

    @Test
    void badRequestsFailClearly() {
        JrunsException e = assertThrows(JrunsException.class,
                () -> store.searchRuns(SearchRequest.builder().experiments("x1").build()));
        assertEquals("invalid experiment id 'x1': expected a number", e.getMessage());
        FilterException f = assertThrows(FilterException.class,
                () -> store.searchRuns(new SearchRequest(List.of(exp), "metrics.a LIKE 'x'", null, null, 10, null)));
        assertEquals(11, f.column());
    }

    @Test
    void theLargestFiltersRunInSqlite() {
        String many = String.join(" OR ", Collections.nCopies(500, "metrics.loss > 0.5"));
        assertEquals(List.of(runB), both(SearchRequest.builder().experiments(exp).filter(many).build()));
        String nested = "(".repeat(60) + "NOT NOT params.lr = '0.1'" + ")".repeat(60);
        assertEquals(List.of(runB), both(SearchRequest.builder().experiments(exp).filter(nested).build()));
        List<String> values = new ArrayList<>(Collections.nCopies(9_999, "'nope'"));
        values.add("'0.01'");
        String in = "params.lr IN (" + String.join(",", values) + ")";
        assertEquals(List.of(runA), both(SearchRequest.builder().experiments(exp).filter(in).build()));
    }

    private String plan(String filter, String order, SearchSql.Strategy strategy, long experimentRuns) throws Exception {
        SearchRequest.Builder b = SearchRequest.builder().experiments(exp).filter(filter);
        if (order != null) b.orderBy(order);
        SearchSql.Query q = SearchSql.page(SearchPlan.of(b.build()), strategy, experimentRuns);
        StringBuilder plan = new StringBuilder();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
             var ps = c.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            RunSearch.bind(ps, q.binds());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(4)).append('\n');
            }
        }
        return plan.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            params.alpha = '0.5'        | params_by_key_value (key=? AND value=?)
            params.alpha LIKE '0.%'     | params_by_key_value (key=? AND value>? AND value<?)
            tags.team = 'a'             | tags_by_key_value (key=? AND value=?)
            metrics.r2 > 0.3            | metric_summaries_by_key_latest (key=? AND latest>?)
            MIN(metrics.rmse) <= 1      | metric_summaries_by_key_min (key=? AND min_value<?)
            MAX(metrics.rmse) > 1       | metric_summaries_by_key_max (key=? AND max_value>?)
            """)
    void listsComeFromTheSearchIndexes(String filter, String index) throws Exception {
        String plan = plan(filter, "metrics.r2 DESC", SearchSql.Strategy.LISTS, 0);
        assertTrue(plan.contains(index), plan);
    }

    @Test
    void autoChoosesTheShapeThatAvoidsScanningEverything() throws Exception {
        // A param equality drives: its rid list leads, the metric is probed per candidate.
        String driven = plan("metrics.r2 > 0.3 AND params.alpha = '0.5'", "metrics.r2 DESC", SearchSql.Strategy.AUTO, 0);
        assertTrue(driven.contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"), driven);
        assertTrue(driven.contains("params_by_key_value (key=? AND value=?)"), driven);
        assertTrue(driven.contains("EXISTS USING PRIMARY KEY (rid=? AND key=?)"), driven);
        // Newest first: walk the experiment index and stop when the page is full (no sort of all rows).
        String walked = plan("MIN(metrics.rmse) <= 1 OR tags.team = 'a'", null, SearchSql.Strategy.AUTO, 0);
        assertTrue(walked.contains("SEARCH r USING INDEX runs_by_experiment (experiment_id=?)"), walked);
        assertTrue(walked.contains("USE TEMP B-TREE FOR LAST TERM OF ORDER BY"), walked);
        assertTrue(!walked.contains("LIST SUBQUERY"), walked);
        // Ordered by a metric in a large experiment: lists from the indexes.
        String large = plan("MIN(metrics.rmse) <= 1 OR tags.team = 'a'", "metrics.r2", SearchSql.Strategy.AUTO, 100_000);
        assertTrue(large.contains("metric_summaries_by_key_min") && large.contains("tags_by_key_value"), large);
        // ... and probes in a small one.
        String small = plan("MIN(metrics.rmse) <= 1 OR tags.team = 'a'", "metrics.r2", SearchSql.Strategy.AUTO, 100);
        assertTrue(!small.contains("LIST SUBQUERY"), small);
    }

    @Test
    void everyShapeGivesTheSameRuns() throws Exception {
        SearchPlan plan = SearchPlan.of(SearchRequest.builder().experiments(exp)
                .filter("params.lr IN ('0.1', '0.01') AND NOT metrics.weird = 1").orderBy("metrics.loss").build());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile())) {
            for (SearchSql.Strategy s : SearchSql.Strategy.values()) {
                assertEquals(List.of(runA, runB), RunSearch.page(c, plan, s).runs().stream().map(Run::runId).toList(), s.name());
            }
        }
    }
}
