package io.jruns.internal.rest;

import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Metric summaries over REST (what `jruns runs get` and the run page show) come from the full history. */
class RestSummariesTest extends FakeServerTest {
    RestStore store;
    String run;

    @BeforeEach
    void setUp() throws Exception {
        store = fx.store();
        run = store.createRun("0", "u", 1, "twenty", List.of()).runId();
        List<Metric> points = new ArrayList<>();
        for (int i = 0; i < 20; i++) points.add(new Metric("loss", i == 5 ? -0.5 : i == 9 ? 1.35 : 0.4, 100 + i, i));
        points.add(new Metric("loss", Double.NaN, 50, 3)); // NaN counts as a point, not as min or max
        store.logBatch(new LogBatch(run, points, List.of(), List.of()));
    }

    private static void checkFull(MetricSummary s) {
        assertEquals(new MetricSummary("loss", 0.4, 119, 19, -0.5, 1.35, 21), s);
    }

    @Test
    void getRunSummarisesTheWholeHistory() {
        checkFull(store.getRun(run).orElseThrow().data().metrics().get("loss"));
    }

    @Test
    void aRunFoundByNameIsReadWhole() {
        TrackingClient client = TrackingClient.of(store);
        checkFull(client.resolveRun("twenty").data().metrics().get("loss"));
    }
}
