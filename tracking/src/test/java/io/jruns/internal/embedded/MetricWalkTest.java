package io.jruns.internal.embedded;

import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.search.Aggregate;
import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.FilterArbitraries;
import io.jruns.search.InMemorySearch;
import io.jruns.search.NumberOp;
import io.jruns.search.OrderKey;
import io.jruns.search.SearchPlan;
import io.jruns.search.SearchRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The metric walk (MetricWalk), forced on searches of the shape it serves (a comparison on
 * the first order key's metric, ANDed with a random filter, random further order keys,
 * random pages, guards a NaN passes or fails), gives what the in-memory evaluator gives.
 */
class MetricWalkTest {
    private static final List<String> NUMBERS = List.of("-1", "0", "0.5", "1", "2", "3", "1e300", "-1e999");
    private static Path dir;
    private static EmbeddedStore store;
    private static Connection reader;

    /** The comparison that lets the walk apply: the first order key's metric against a number. */
    record Guard(Field.Metric metric, NumberOp op, String number, boolean ascending) {
        String render() {
            return metric.render() + " " + op.symbol() + " " + number;
        }
    }

    record Query(Guard guard, Expr rest, List<OrderKey> more, ViewType view, int page, boolean secondPage) {
    }

    @BeforeContainer
    static void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("jruns-metric-walk");
        store = EmbeddedStore.inHome(dir);
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

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void theWalkAgreesWithTheEvaluator(@ForAll("runSets") List<RunSets.RunSpec> runs, @ForAll("queries") List<Query> queries)
            throws SQLException {
        RunSets.Created set = RunSets.create(store, runs);
        List<String> exps = List.of(set.first(), set.second());
        for (Query q : queries) {
            List<Run> all = store.listRuns(exps, q.view(), Integer.MAX_VALUE);
            List<String> order = new ArrayList<>(List.of(new OrderKey(q.guard().metric(), q.guard().ascending()).render()));
            q.more().forEach(k -> order.add(k.render()));
            String filter = q.rest() == null ? q.guard().render() : "(" + q.rest().render() + ") AND " + q.guard().render();
            SearchRequest whole = SearchRequest.builder().experiments(exps).viewType(q.view()).filter(filter)
                    .orderBy(order.toArray(String[]::new)).maxResults(q.page()).build();
            SearchPlan plan = SearchPlan.of(whole);
            // a guard a NaN latest passes (compared as 0) walks the NaN rows as a second part
            assertNotNull(MetricWalk.choose(reader, plan, true), "the walk applies to " + filter);
            List<Run> memory = InMemorySearch.search(plan, all).runs();
            String why = "filter [" + whole.filter() + "] order " + order + " view " + q.view();
            assertEquals(ids(memory), ids(RunSearch.page(reader, plan, SearchSql.Strategy.WALK).runs()), why);
            String token = InMemorySearch.search(plan, all).nextPageToken();
            if (token != null && q.secondPage()) {
                SearchPlan next = SearchPlan.of(whole.withPageToken(token));
                assertEquals(ids(InMemorySearch.search(next, all).runs()),
                        ids(RunSearch.page(reader, next, SearchSql.Strategy.WALK).runs()), "page 2: " + why);
            }
        }
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
        Arbitrary<Field.Metric> metric = Combinators.combine(Arbitraries.of(FilterArbitraries.METRIC_KEYS),
                Arbitraries.of(Aggregate.class)).as(Field.Metric::new);
        Arbitrary<NumberOp> op = Arbitraries.of(NumberOp.class).filter(o -> o != NumberOp.NE);
        Arbitrary<ViewType> view = Arbitraries.of(ViewType.ACTIVE_ONLY, ViewType.ALL, ViewType.DELETED_ONLY);
        Arbitrary<Guard> guard = Combinators.combine(metric, op, Arbitraries.of(NUMBERS), Arbitraries.of(true, false))
                .as(Guard::new);
        return Combinators.combine(guard, FilterArbitraries.exprs().injectNull(0.3), FilterArbitraries.orders(), view,
                        Arbitraries.integers().between(1, 6), Arbitraries.of(true, false))
                .as(Query::new).list().ofSize(6);
    }
}
