package io.jruns.internal.ui.api;

import io.jruns.TrackingClient;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.store.Store;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the embedded store keeps, jruns' REST store carries to jruns ui unchanged (as `jruns
 * copy` does): a ':' in a key, tags up to 8000 characters, Double.MAX_VALUE, identical NaN
 * points. The UI says it is jruns in a header while /version still answers MLflow's version.
 */
class JrunsLimitsIT {
    static final String TOKEN = "fixed-token-for-the-limits-test";
    @TempDir
    static Path home;
    static TrackingClient embedded;
    static UiServer server;
    static TrackingClient rest;

    @BeforeAll
    static void start() {
        embedded = TrackingClient.open(home.resolve("store").toString());
        server = UiServer.builder(embedded).token(TOKEN).build().start();
        Map<String, String> env = Map.of("MLFLOW_TRACKING_TOKEN", TOKEN, "JRUNS_HOME", home.resolve("client").toString());
        rest = TrackingClient.open(TrackingUri.resolve(server.info().url(), env), env);
    }

    @AfterAll
    static void stop() {
        rest.close();
        server.close();
        embedded.close();
    }

    @Test
    void versionStaysMlflowsAndEveryAnswerSaysJruns() throws Exception {
        ApiHttp http = new ApiHttp(server.info().url(), TOKEN);
        HttpResponse<String> version = http.get("/version");
        assertEquals(MlflowApi.MLFLOW_VERSION, version.body());
        assertTrue(version.headers().firstValue(MlflowApi.JRUNS_HEADER).isPresent(), version.headers().toString());
        HttpResponse<String> missing = http.get("/api/2.0/mlflow/runs/get?run_id=nosuchrun");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue(MlflowApi.JRUNS_HEADER).isPresent(), "errors too");
    }

    @Test
    void whatTheEmbeddedStoreKeepsArrivesUnchanged() {
        Store store = rest.store();
        String exp = store.createExperiment("limits", null, Map.of());
        String note = "n".repeat(8000);
        String runId = store.createRun(exp, "alice", 1, "r", List.of(new RunTag("mlflow.note.content", note))).runId();
        store.logBatch(new LogBatch(runId,
                List.of(new Metric("big", Double.MAX_VALUE, 5, 0), new Metric("inf", Double.POSITIVE_INFINITY, 5, 0),
                        new Metric("nan", Double.NaN, 5, 1), new Metric("nan", Double.NaN, 5, 1),
                        new Metric("same", 0.5, 5, 1), new Metric("same", 0.5, 5, 1)),
                List.of(new Param("opt:lr", "0.1")),
                List.of(new RunTag("mlflow.log-model.history", "h".repeat(8000)))));

        Run direct = embedded.getRun(runId);
        assertEquals(note, direct.data().tags().get("mlflow.note.content"));
        assertEquals(8000, direct.data().tags().get("mlflow.log-model.history").length());
        assertEquals("0.1", direct.data().params().get("opt:lr"));
        assertEquals(2, direct.data().metrics().get("nan").count(), "identical NaN points are both kept");
        assertEquals(2, direct.data().metrics().get("same").count());

        Run viaRest = store.getRun(runId).orElseThrow();
        assertEquals(direct.data().tags(), viaRest.data().tags());
        assertEquals(direct.data().params(), viaRest.data().params());
        assertEquals(Double.MAX_VALUE, viaRest.data().metrics().get("big").latest(), "not read as infinity");
        assertEquals(Double.POSITIVE_INFINITY, viaRest.data().metrics().get("inf").latest());
        assertEquals(2, viaRest.data().metrics().get("nan").count());
        assertEquals(List.of(Double.MAX_VALUE), store.getMetricHistory(runId, "big").stream().map(Metric::value).toList());
    }
}
