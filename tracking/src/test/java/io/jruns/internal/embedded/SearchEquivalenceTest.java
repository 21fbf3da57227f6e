package io.jruns.internal.embedded;

import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.Expr;
import io.jruns.search.FilterArbitraries;
import io.jruns.search.InMemorySearch;
import io.jruns.search.OrderKey;
import io.jruns.search.RunCount;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The property the search design rests on: over random run sets (in a real SQLite file,
 * written through EmbeddedStore) and random filters and orders, the SQL search and the
 * in-memory evaluator return the same runs, with the same data, in the same order, and
 * paging through either gives the whole result once.
 */
class SearchEquivalenceTest {
    /** Sets per store file: a fresh file now and then keeps each search's cost flat. */
    private static final int SETS_PER_STORE = 100;
    private static Path dir;
    private static EmbeddedStore store;
    private static int setsInStore;
    /** A second connection to the same file, for running the forced SQL shapes. */
    private static Connection reader;

    /** One search against a run set: which experiments, state, filter (null = none), order, page size. */
    record Query(int experiments, ViewType view, Expr filter, List<OrderKey> order, int pageSize) {
    }

    @BeforeContainer
    static void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("jruns-search-equivalence");
        store = EmbeddedStore.inHome(dir.resolve("0"));
        reader = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
    }

    @AfterContainer
    static void close() throws IOException, SQLException {
        reader.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE) // random sizes already include empty sets
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void sqlAndInMemorySearchAgree(@ForAll("runSets") List<RunSets.RunSpec> runs, @ForAll("queries") List<Query> queries)
            throws IOException, SQLException {
        if (++setsInStore > SETS_PER_STORE) {
            reader.close();
            store.close();
            store = EmbeddedStore.inHome(Files.createTempDirectory(dir, "store"));
            reader = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
            setsInStore = 1;
        }
        RunSets.Created set = RunSets.create(store, runs);
        Map<String, List<Run>> loaded = new HashMap<>();
        for (Query q : queries) {
            List<String> exps = switch (q.experiments()) {
                case 0 -> List.of(set.first());
                case 1 -> List.of(set.second());
                default -> List.of(set.first(), set.second());
            };
            List<Run> all = loaded.computeIfAbsent(exps + "/" + q.view(), k -> store.listRuns(exps, q.view(), Integer.MAX_VALUE));
            SearchRequest whole = SearchRequest.builder().experiments(exps).viewType(q.view())
                    .filter(q.filter() == null ? "" : q.filter().render())
                    .orderBy(q.order().stream().map(OrderKey::render).toArray(String[]::new))
                    .maxResults(SearchRequest.MAX_RESULTS_LIMIT).build();
            List<Run> sql = store.searchRuns(whole).runs();
            List<Run> memory = InMemorySearch.search(whole, all).runs();
            String why = "filter [" + whole.filter() + "] order " + whole.orderBy() + " view " + q.view();
            assertEquals(ids(memory), ids(sql), why);
            assertEquals(memory, sql, "run data differs: " + why);
            // The shape AUTO did not pick must agree too: lists on even queries, probes on odd ones.
            SearchSql.Strategy forced = queries.indexOf(q) % 2 == 0 ? SearchSql.Strategy.LISTS : SearchSql.Strategy.PROBES;
            assertEquals(ids(memory), ids(RunSearch.page(reader, SearchPlan.of(whole), forced).runs()), forced + ": " + why);
            // The walks forced wherever they apply (an order by a metric the filter does not bound: MetricSplit).
            assertEquals(ids(memory), ids(walk(whole).runs()), "WALK: " + why);
            // The count agrees with the runs found, in the shape chosen and in the one forced.
            assertEquals(new RunCount(memory.size(), true), store.countRuns(whole, 0), "count: " + why);
            FilterSql.Shape shape = forced == SearchSql.Strategy.LISTS ? FilterSql.Shape.LIST : FilterSql.Shape.PROBE;
            assertEquals(memory.size(), CountSql.count(reader, SearchPlan.of(whole), shape), "count, " + shape + ": " + why);

            if (q.pageSize() <= 4) { // page some of the searches: enough to catch paging bugs, not every time
                SearchRequest paged = new SearchRequest(exps, whole.filter(), q.view(), whole.orderBy(), q.pageSize(), null);
                assertEquals(ids(sql), ids(pages(paged, store::searchRuns)), "SQL pages: " + why);
                assertEquals(ids(sql), ids(pages(paged, r -> InMemorySearch.search(r, all))), "in-memory pages: " + why);
                assertEquals(ids(sql), ids(pages(paged, SearchEquivalenceTest::walk)), "WALK pages: " + why);
            }
            Statistics.collect(all.isEmpty() ? "no runs" : sql.isEmpty() ? "none" : sql.size() == all.size() ? "all" : "some");
        }
        // Guards against a generator that drifts into vacuous searches.
        Statistics.coverage(c -> {
            c.check("some").percentage(p -> p >= 8);
            c.check("none").percentage(p -> p >= 8);
            c.check("all").percentage(p -> p >= 8);
        });
    }

    private static SearchResult walk(SearchRequest r) {
        try {
            return RunSearch.page(reader, SearchPlan.of(r), SearchSql.Strategy.WALK);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Run> pages(SearchRequest first, Function<SearchRequest, SearchResult> search) {
        List<Run> out = new ArrayList<>();
        String token = null;
        do {
            SearchResult page = search.apply(first.withPageToken(token));
            out.addAll(page.runs());
            token = page.nextPageToken();
        } while (token != null);
        return out;
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }

    @Provide
    Arbitrary<List<RunSets.RunSpec>> runSets() {
        return RunSets.runSets();
    }

    @Provide
    Arbitrary<List<Query>> queries() {
        Arbitrary<ViewType> views = Arbitraries.of(ViewType.ACTIVE_ONLY, ViewType.ACTIVE_ONLY, ViewType.ALL,
                ViewType.DELETED_ONLY);
        Arbitrary<Query> q = Combinators.combine(Arbitraries.of(0, 0, 1, 2, 2), views,
                FilterArbitraries.exprs().injectNull(0.05), FilterArbitraries.orders(), Arbitraries.integers().between(1, 16))
                .as(Query::new);
        return q.list().ofSize(10);
    }
}
