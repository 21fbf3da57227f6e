package io.jruns.store;

import io.jruns.RunQuery;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.search.RunCount;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counting a search's runs: the embedded store's SQL COUNT, the SPI's default (reading runs), and paging by skip. */
class CountRunsTest {
    @TempDir
    Path home;
    private EmbeddedStore store;
    private String exp;

    @BeforeEach
    void open() {
        store = EmbeddedStore.inHome(home);
        exp = store.createExperiment("count", null, Map.of());
        String other = store.createExperiment("other", null, Map.of());
        for (int i = 0; i < 9; i++) {
            String id = store.createRun(exp, "u", 1_000L + i, "run " + i, List.of()).runId();
            store.logBatch(new LogBatch(id, List.of(), List.of(new Param("opt", i % 3 == 0 ? "adam" : "sgd")), List.of()));
            if (i >= 7) store.deleteRun(id); // runs 7 and 8 (one adam, one sgd)
        }
        store.createRun(other, "u", 1L, "elsewhere", List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sqlCountMatchesTheRunsFoundForEveryFilterAndState() {
        for (ViewType view : ViewType.values()) {
            for (String filter : new String[]{"", "params.opt = 'adam'", "params.opt != 'adam' OR attributes.run_name LIKE '%1'",
                    "params.missing = 'x'", "attributes.run_name ILIKE 'RUN 2%'"}) {
                SearchRequest r = request(filter, view, 2);
                long found = store.searchRuns(request(filter, view, 1000)).runs().size();
                assertEquals(RunCount.exactly(found), store.countRuns(r, 0), filter + " " + view);
                assertEquals(RunCount.exactly(found), generic(store).countRuns(r, Long.MAX_VALUE), "default: " + filter + " " + view);
            }
        }
        assertEquals(RunCount.exactly(9), store.countRuns(request("", ViewType.ALL, 1), 0));
        assertEquals(RunCount.exactly(2), store.countRuns(request("", ViewType.DELETED_ONLY, 1), 0));
        assertEquals(RunCount.exactly(7), store.countRuns(request("", ViewType.ACTIVE_ONLY, 1), 0));
    }

    @Test
    void theDefaultStopsOnePastAtMostAndSaysMoreThan() {
        SearchRequest r = request("", ViewType.ACTIVE_ONLY, 2);
        assertEquals(RunCount.moreThan(3), generic(store).countRuns(r, 3));
        assertEquals(RunCount.moreThan(0), generic(store).countRuns(r, 0));
        assertEquals(RunCount.exactly(7), generic(store).countRuns(r, 7));
        assertEquals(RunCount.exactly(7), generic(store).countRuns(r.withPageToken(store.searchRuns(r).nextPageToken()), 7),
                "a page token plays no part");
    }

    @Test
    void skipPagesThroughTheSameRunsAsTokens() {
        List<String> all = ids(query().max(1000).page().runs());
        assertEquals(7, all.size());
        List<String> paged = new ArrayList<>();
        for (int skip = 0; skip < 9; skip += 3) paged.addAll(ids(query().skip(skip).max(3).page().runs()));
        assertEquals(all, paged);
        assertEquals(RunCount.exactly(7), query().skip(3).count(0), "the count is of the whole search");
        assertEquals(List.of(), query().skip(50).max(3).page().runs());
    }

    private RunQuery query() {
        return new RunQuery(store, () -> exp, () -> { });
    }

    private SearchRequest request(String filter, ViewType view, int pageSize) {
        return SearchRequest.builder().experiments(exp).filter(filter).viewType(view).maxResults(pageSize).build();
    }

    /** The store seen through the SPI's defaults only: searches and scans go to it, countRuns is StoreReader's own. */
    private static StoreReader generic(Store real) {
        return (StoreReader) Proxy.newProxyInstance(StoreReader.class.getClassLoader(), new Class<?>[]{StoreReader.class},
                (p, m, a) -> switch (m.getName()) {
                    case "countRuns" -> InvocationHandler.invokeDefault(p, m, a);
                    case "scanRuns" -> InvocationHandler.invokeDefault(p, m, a); // pages through searchRuns
                    case "searchRuns" -> real.searchRuns((SearchRequest) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }
}
