package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.internal.writer.AsyncWriter;
import io.jruns.search.SearchRequest;
import io.jruns.store.RefusedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that says it is jruns ui (ServerIdentity's header) gets jruns' own limits and its
 * doubles read as sent; one that does not, though it answers the same /version, keeps MLflow
 * 2.12's (the cases in {@link RestRefusalsTest}).
 */
@Timeout(60)
class JrunsServerRulesTest extends FakeServerTest {
    private static final String NOTE = "n".repeat(6000);

    private FakeState.FRun stored(String id) {
        synchronized (fx.fake.state) {
            return fx.fake.state.runs.get(id);
        }
    }

    @ParameterizedTest(name = "jruns ui: {0}")
    @ValueSource(booleans = {true, false})
    void aColonKeyAndAnEightThousandCharacterTagReachJrunsUiOnly(boolean jruns) {
        if (jruns) fx.fake.playJrunsUi();
        RestStore store = fx.store();
        List<RunTag> noted = List.of(new RunTag("mlflow.note.content", NOTE));
        if (!jruns) {
            JrunsException e = assertThrows(JrunsException.class, () -> store.createRun("0", "u", 1, "r", noted));
            assertTrue(e.getMessage().contains("over the limit of 5000 of this MLflow server (2.12.2.dev0)"), e.getMessage());
        }
        String run = store.createRun("0", "u", 1, "r", jruns ? noted : List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        writer.param(run, "opt:lr", "0.1");
        writer.tag(run, "mlflow.log-model.history", "h".repeat(8000));
        writer.metric(run, "m", 1, 5, 0);
        if (jruns) {
            writer.flush();
            assertEquals(NOTE, stored(run).tags.get("mlflow.note.content"));
            assertEquals("0.1", stored(run).params.get("opt:lr"));
            assertEquals(8000, stored(run).tags.get("mlflow.log-model.history").length());
            assertTrue(fx.warnings.isEmpty(), fx.warnings.toString());
        } else {
            JrunsException e = assertThrows(JrunsException.class, writer::flush);
            assertTrue(e.getMessage().contains("does not allow ':'") && e.getMessage().contains("8000 characters, over "
                    + "the limit of 5000"), e.getMessage());
            assertFalse(stored(run).params.containsKey("opt:lr"));
            assertFalse(stored(run).tags.containsKey("mlflow.log-model.history"), "refused, not cut by the server");
        }
        writer.close();
        assertEquals(1, stored(run).metrics.get("m").size(), "the rest arrives either way");
    }

    @Test
    void overEightThousandIsRefusedByJrunsLimitsToo() {
        fx.fake.playJrunsUi();
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        writer.tag(run, "long", "x".repeat(8001));
        JrunsException e = assertThrows(RefusedValue.class, writer::flush);
        writer.close();
        assertTrue(e.getMessage().contains("8001 characters, over the limit of 8000 of jruns ui (test)"), e.getMessage());
    }

    /** jruns ui keeps infinities and sends them as "Infinity": its 1.7976931348623157e308 is Double.MAX_VALUE. */
    @ParameterizedTest(name = "jruns ui: {0}")
    @ValueSource(booleans = {true, false})
    void maxValueReadsBackExactlyFromJrunsUi(boolean jruns) {
        if (jruns) fx.fake.playJrunsUi();
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        store.logBatch(new LogBatch(run, List.of(new Metric("big", Double.MAX_VALUE, 5, 0),
                new Metric("big", -Double.MAX_VALUE, 5, 1), new Metric("inf", Double.POSITIVE_INFINITY, 5, 0)),
                List.of(), List.of()));
        RestStore reader = fx.store(); // a store that has logged nothing learns it from the answers themselves
        List<Double> big = jruns ? List.of(Double.MAX_VALUE, -Double.MAX_VALUE)
                : List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY); // MLflow: that number is its infinity
        assertEquals(big, reader.getMetricHistory(run, "big").stream().map(Metric::value).toList());
        Run got = reader.getRun(run).orElseThrow();
        assertEquals(big.get(1), got.data().metrics().get("big").latest());
        assertEquals(big.get(0), got.data().metrics().get("big").max());
        assertEquals(Double.POSITIVE_INFINITY, got.data().metrics().get("inf").latest());
        Run found = reader.searchRuns(SearchRequest.builder().experiments("0").build()).runs().get(0);
        assertEquals(big.get(1), found.data().metrics().get("big").latest());
    }

    /** MLflow's SQL store keeps one of identical finite points and fails on two NaN ones; jruns ui keeps both kinds. */
    @ParameterizedTest(name = "jruns ui: {0}")
    @ValueSource(booleans = {true, false})
    void identicalPointsKeepTheirCountOnJrunsUi(boolean jruns) {
        if (jruns) fx.fake.playJrunsUi();
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        for (String key : List.of("nan", "finite")) {
            double v = key.equals("nan") ? Double.NaN : 0.5;
            writer.metric(run, key, v, 7, 3);
            writer.metric(run, key, v, 7, 3);
        }
        writer.close();
        assertEquals(jruns ? 2 : 1, stored(run).metrics.get("nan").size());
        assertEquals(jruns ? 2 : 1, stored(run).metrics.get("finite").size());
        assertTrue(fx.warnings.isEmpty(), fx.warnings.toString());
    }

    /** Values logged while the server is away may be replayed to another: they get the oldest limit, jruns ui or not. */
    @Test
    void beforeJrunsUiHasSaidSoTagsGetTheOldestLimit() throws Exception {
        fx.fake.playJrunsUi();
        String run;
        synchronized (fx.fake.state) {
            run = fx.fake.state.createRun("0", "u", "r", 1, Map.of()).id;
        }
        RestStore store = fx.store();
        fx.fake.stop();
        List<JrunsException> problems = store.logBatches(List.of(new LogBatch(run, List.of(), List.of(),
                List.of(new RunTag("long", "x".repeat(6000))))), true);
        fx.fake.start();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).getMessage().contains("over the limit of 5000 of this MLflow server until it tells"),
                problems.get(0).getMessage());
        store.logBatch(new LogBatch(run, List.of(), List.of(), List.of(new RunTag("long", "x".repeat(6000)))));
        assertEquals(6000, stored(run).tags.get("long").length(), "once it has said so, jruns' limit");
    }
}
