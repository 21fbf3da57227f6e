package io.jruns.internal.rest;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.Metric;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The notebook API unchanged over REST: Jruns.setTrackingUri("http://...") and log as usual. */
class RestFacadeTest extends FakeServerTest {
    @BeforeEach
    void setUp() throws Exception {
        Jruns.setTrackingUri(fx.fake.url());
    }

    @AfterEach
    void tearDown() throws Exception {
        Jruns.setTrackingUri(home.resolve("embedded").toString()); // closes the REST session
    }

    @Test
    void aRunLoggedThroughTheFacadeArrivesWhole() {
        Jruns.setExperiment("remote");
        String id;
        try (ActiveRun run = Jruns.startRun("r1")) {
            id = run.runId();
            Jruns.logParam("lr", 0.01);
            for (int i = 0; i < 3000; i++) Jruns.logMetric("loss", 1.0 / (i + 1), i);
            Jruns.setNote("hello **remote**");
            Jruns.setTag("stage", "dev");
        }
        FakeState.FRun r = fx.fake.state.runs.get(id);
        assertEquals(RunStatus.FINISHED, r.status);
        assertEquals("0.01", r.params.get("lr"));
        assertEquals("hello **remote**", r.tags.get("mlflow.note.content"));
        List<Metric> h = r.metrics.get("loss");
        assertEquals(3000, h.size());
        for (int i = 0; i < 3000; i++) assertEquals(i, h.get(i).step());
        assertEquals("remote", fx.fake.state.experiment(r.experimentId).name);
        assertEquals(3000, Jruns.client().getMetricHistory(id, "loss").size());
    }
}
