package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.TrackingClient;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.search.SearchRequest;
import io.jruns.search.SearchResult;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jruns's own REST store, pointed at a real UI server over a real embedded store, logs and reads
 * as it would against an MLflow server: what it logs is in the embedded store, value for value.
 */
class MlflowApiIT {
    static final String TOKEN = "fixed-token-for-the-api-test";
    @TempDir
    static Path home;
    static TrackingClient embedded;
    static UiServer server;
    static TrackingClient rest;
    static ApiHttp http;

    @BeforeAll
    static void start() {
        embedded = TrackingClient.open(home.resolve("store").toString());
        server = UiServer.builder(embedded).token(TOKEN).build().start();
        Map<String, String> env = Map.of("MLFLOW_TRACKING_TOKEN", TOKEN, "JRUNS_HOME", home.resolve("client").toString());
        rest = TrackingClient.open(TrackingUri.resolve(server.info().url(), env), env);
        http = new ApiHttp(server.info().url(), TOKEN);
    }

    @AfterAll
    static void stop() {
        rest.close();
        server.close();
        embedded.close();
    }

    @Test
    void whatTheRestStoreLogsIsInTheEmbeddedStoreValueForValue() {
        String exp = rest.createExperiment("shared");
        assertEquals("shared", embedded.getExperiment(exp).orElseThrow().name());
        String runId = rest.createRun(exp, "run-a", Map.of("team", "java"), "alice").runId();
        rest.logParam(runId, "lr", 0.01);
        for (int step = 0; step < 3; step++) rest.logMetric(runId, "loss", 1.0 / (step + 1), step);
        rest.logMetric(runId, "weird", Double.NaN, 0);
        rest.setTag(runId, "stage", "dev");
        rest.setTerminated(runId, RunStatus.FINISHED);

        Run viaRest = rest.getRun(runId);
        Run direct = embedded.getRun(runId);
        assertEquals(RunStatus.FINISHED, direct.info().status());
        assertEquals(direct.info().endTime(), viaRest.info().endTime());
        assertEquals("run-a", direct.info().runName());
        assertEquals("alice", direct.info().userId());
        assertEquals(Map.of("lr", "0.01"), direct.data().params());
        assertEquals(direct.data().params(), viaRest.data().params());
        assertEquals(direct.data().tags(), viaRest.data().tags());
        assertEquals("java", direct.data().tags().get("team"));
        assertEquals("dev", direct.data().tags().get("stage"));
        List<Metric> history = embedded.getMetricHistory(runId, "loss");
        assertEquals(List.of(1.0, 0.5, 1.0 / 3), history.stream().map(Metric::value).toList());
        assertEquals(List.of(0L, 1L, 2L), history.stream().map(Metric::step).toList());
        assertEquals(history, rest.getMetricHistory(runId, "loss"), "same points, steps and timestamps");
        MetricSummary loss = viaRest.data().metrics().get("loss");
        assertEquals(1.0 / 3, loss.latest());
        assertEquals(3, loss.count());
        assertTrue(Double.isNaN(direct.data().metrics().get("weird").latest()));
        assertTrue(Double.isNaN(viaRest.data().metrics().get("weird").latest()));
        assertEquals("mlflow-artifacts:/" + exp + "/" + runId + "/artifacts", viaRest.info().artifactUri());
    }

    @Test
    void searchFiltersOrdersAndPagesOnTheServer() throws Exception {
        String exp = rest.createExperiment("searched");
        String a = run(exp, "a", 0.3);
        String b = run(exp, "b", 0.7);
        String c = run(exp, "c", 0.5);
        SearchResult r = rest.store().searchRuns(SearchRequest.builder().experiments(exp).filter("metrics.loss < 0.6")
                .orderBy("metrics.loss DESC").build());
        assertEquals(List.of(c, a), r.runs().stream().map(Run::runId).toList());

        String body = "{\"experiment_ids\":[\"" + exp + "\"],\"filter\":\"params.kind = 'x'\",\"order_by\":[\"metrics.loss ASC\"],"
                + "\"max_results\":2}";
        JsonNode page1 = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", body));
        assertEquals(List.of(a, c), ids(page1));
        String token = page1.get("next_page_token").asText();
        JsonNode page2 = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", body.replace("}", ",\"page_token\":\"" + token + "\"}")));
        assertEquals(List.of(b), ids(page2));
        assertNull(page2.get("next_page_token"));

        HttpResponse<String> bad = http.post("/api/2.0/mlflow/runs/search", "{\"experiment_ids\":[\"" + exp
                + "\"],\"filter\":\"metrics.loss <\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("INVALID_PARAMETER_VALUE", ApiHttp.json(bad).get("error_code").asText());
    }

    @Test
    void theWholeJrunsFilterRunsOnTheServer() throws Exception {
        String exp = rest.createExperiment("jruns-filtered");
        String a = run(exp, "a", 0.3);
        String b = run(exp, "b", 0.7);
        String c = run(exp, "c", 0.5);
        rest.logMetric(a, "loss", 0.9, 1); // a's maximum is not its latest value
        rest.flush();
        for (String filter : List.of("MAX(metrics.loss) >= 0.6", "MIN(metrics.loss) < 0.4 OR run_name = 'c'",
                "NOT MAX(metrics.loss) > 0.8")) {
            SearchRequest.Builder q = SearchRequest.builder().experiments(exp).filter(filter).orderBy("run_name");
            assertEquals(embedded.store().searchRuns(q.build()).runs().stream().map(Run::runId).toList(),
                    rest.store().searchRuns(q.build()).runs().stream().map(Run::runId).toList(), filter);
        }
        String body = "{\"experiment_ids\":[\"" + exp + "\"],\"filter\":\"params.kind = 'x'\","
                + "\"jruns_filter\":\"MAX(metrics.loss) >= 0.6 AND params.kind = 'x'\",\"order_by\":[\"run_name\"]}";
        JsonNode whole = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", body));
        assertEquals(List.of(a, b), ids(whole));
        assertTrue(whole.get("jruns_filter_applied").asBoolean());
        JsonNode mlflowOnly = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", body.replaceAll(",\"jruns_filter\":\"[^\"]*\"", "")));
        assertEquals(List.of(a, b, c), ids(mlflowOnly));
        assertNull(mlflowOnly.get("jruns_filter_applied"), "an MLflow client sees MLflow's answer");

        String ordered = "{\"experiment_ids\":[\"" + exp + "\"],\"jruns_order_by\":[\"MAX(metrics.loss) DESC\"],\"max_results\":2}";
        JsonNode byMax = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", ordered));
        assertEquals(List.of(a, b), ids(byMax), "a's maximum (0.9) is not its latest value (0.3)");
        assertTrue(byMax.get("jruns_order_applied").asBoolean());
        SearchRequest.Builder q = SearchRequest.builder().experiments(exp).orderBy("MAX(metrics.loss)").maxResults(2);
        assertEquals(List.of(c, b), rest.store().searchRuns(q.build()).runs().stream().map(Run::runId).toList());

        String count = "{\"experiment_ids\":[\"" + exp + "\"],\"jruns_filter\":\"MAX(metrics.loss) >= 0.6\","
                + "\"jruns_count\":true,\"max_results\":1}";
        JsonNode counted = ApiHttp.json(http.post("/api/2.0/mlflow/runs/search", count));
        assertEquals(2, counted.get("jruns_run_count").asLong());
        assertEquals(1, ids(counted).size());
        SearchRequest both = SearchRequest.builder().experiments(exp).filter("MAX(metrics.loss) >= 0.6").build();
        assertEquals(embedded.store().countRuns(both, Long.MAX_VALUE), rest.store().countRuns(both, Long.MAX_VALUE));
    }

    @Test
    void deleteAndRestoreReachTheStoreWithTheDeletionTime() {
        String exp = rest.createExperiment("lifecycle");
        String id = run(exp, "doomed", 1.0);
        rest.store().deleteRun(id);
        Run direct = embedded.getRun(id);
        assertEquals(LifecycleStage.DELETED, direct.info().lifecycleStage());
        assertNotNull(direct.info().deletedTime());
        Run viaRest = rest.store().getRun(id).orElseThrow();
        assertEquals(LifecycleStage.DELETED, viaRest.info().lifecycleStage());
        assertEquals(direct.info().deletedTime(), viaRest.info().deletedTime());
        assertFalse(direct.data().tags().containsKey("jruns.deletedTime"), "the store keeps its own time, not the REST store's tag");
        rest.store().restoreRun(id);
        assertEquals(LifecycleStage.ACTIVE, embedded.getRun(id).info().lifecycleStage());
        assertEquals(LifecycleStage.ACTIVE, rest.getRun(id).info().lifecycleStage());
    }

    @Test
    void aDeletionTimeTheClientGivesIsTheOneKept() {
        String exp = rest.createExperiment("copied-deletions");
        String id = run(exp, "deleted-long-ago", 1.0);
        long longAgo = 1_600_000_000_000L; // as jruns copy deletes the copy of a run deleted in 2020
        rest.store().deleteRun(id, longAgo);
        assertEquals(longAgo, embedded.getRun(id).info().deletedTime(), "the 30-day clock goes on from the source's time");
        assertEquals(longAgo, rest.store().getRun(id).orElseThrow().info().deletedTime());
    }

    @Test
    void historyPages() throws Exception {
        String exp = rest.createExperiment("paged-history");
        String id = rest.createRun(exp, "h", Map.of(), null).runId();
        for (int s = 0; s < 5; s++) rest.logMetric(id, "m", s * 10, s);
        rest.flush();
        String q = "/api/2.0/mlflow/metrics/get-history?run_id=" + id + "&metric_key=m&max_results=2";
        JsonNode p1 = ApiHttp.json(http.get(q));
        assertEquals(2, p1.get("metrics").size());
        JsonNode p2 = ApiHttp.json(http.get(q + "&page_token=" + p1.get("next_page_token").asText()));
        JsonNode p3 = ApiHttp.json(http.get(q + "&page_token=" + p2.get("next_page_token").asText()));
        assertEquals(1, p3.get("metrics").size());
        assertNull(p3.get("next_page_token"));
        assertEquals(40.0, p3.get("metrics").get(0).get("value").asDouble());
        assertEquals(4, p3.get("metrics").get(0).get("step").asLong());
        assertEquals(5, ApiHttp.json(http.get("/api/2.0/mlflow/metrics/get-history?run_id=" + id + "&metric_key=m")).get("metrics").size());
    }

    @Test
    void artifactsGoThroughTheProxyIntoTheRunsFolder() throws Exception {
        String exp = rest.createExperiment("artifacts");
        String id = rest.createRun(exp, "with files", Map.of(), null).runId();
        Path local = Files.writeString(home.resolve("hello.txt"), "hello artifact");
        rest.logArtifact(id, local, "notes");
        assertEquals("notes/hello.txt", embedded.listArtifacts(id, "notes").get(0).path());
        assertEquals("hello artifact", Files.readString(embedded.downloadArtifact(id, "notes/hello.txt")));
        assertEquals("hello artifact", Files.readString(rest.downloadArtifact(id, "notes/hello.txt")));
        HttpResponse<String> get = http.get("/get-artifact?run_uuid=" + id + "&path=notes/hello.txt");
        assertEquals(200, get.statusCode());
        assertEquals("hello artifact", get.body());
        assertTrue(get.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        JsonNode list = ApiHttp.json(http.get("/api/2.0/mlflow-artifacts/artifacts?path=" + exp + "/" + id + "/artifacts/notes"));
        assertEquals("hello.txt", list.get("files").get(0).get("path").asText());
        assertEquals(14, list.get("files").get(0).get("file_size").asLong());
    }

    @Test
    void aRefusedBatchWritesNothing() throws Exception {
        String exp = rest.createExperiment("refusals");
        String id = rest.createRun(exp, "r", Map.of(), null).runId();
        String good = "{\"key\":\"good\",\"value\":1,\"timestamp\":1,\"step\":0}";
        String badKey = "{\"key\":\"bad*key\",\"value\":1,\"timestamp\":1,\"step\":0}";
        HttpResponse<String> r = http.post("/api/2.0/mlflow/runs/log-batch", "{\"run_id\":\"" + id + "\",\"metrics\":[" + good + "," + badKey + "]}");
        assertEquals(400, r.statusCode());
        assertEquals("INVALID_PARAMETER_VALUE", ApiHttp.json(r).get("error_code").asText());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) many.append(i == 0 ? "" : ",").append(good);
        r = http.post("/api/2.0/mlflow/runs/log-batch", "{\"run_id\":\"" + id + "\",\"metrics\":[" + many + "]}");
        assertEquals(400, r.statusCode());
        assertTrue(ApiHttp.json(r).get("message").asText().contains("at most 1000 metrics"), r.body());
        String longValue = "x".repeat(6001);
        r = http.post("/api/2.0/mlflow/runs/log-batch", "{\"run_id\":\"" + id + "\",\"metrics\":[" + good + "],\"params\":[{\"key\":\"p\",\"value\":\""
                + longValue + "\"}]}");
        assertEquals(400, r.statusCode());
        assertEquals(200, http.post("/api/2.0/mlflow/runs/log-parameter", "{\"run_id\":\"" + id + "\",\"key\":\"lr\",\"value\":\"0.1\"}").statusCode());
        r = http.post("/api/2.0/mlflow/runs/log-batch", "{\"run_id\":\"" + id + "\",\"metrics\":[" + good + "],\"params\":[{\"key\":\"lr\",\"value\":\"0.2\"}]}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(List.of(), embedded.getMetricHistory(id, "good"), "no point of a refused batch was written");
        assertEquals(Map.of("lr", "0.1"), embedded.getRun(id).data().params());
        r = http.post("/api/2.0/mlflow/runs/log-metric", "{\"run_id\":\"" + id + "\",\"key\":\"m\",\"value\":1}");
        assertEquals(400, r.statusCode(), "MLflow requires the timestamp");
        r = http.post("/api/2.0/mlflow/runs/log-batch", "{\"run_id\":\"" + id + "\",\"metrics\":[" + good + "]}");
        assertEquals(200, r.statusCode());
        assertEquals(1, embedded.getMetricHistory(id, "good").size());
    }

    @Test
    void experimentsByNameSearchAndTags() throws Exception {
        String id = rest.createExperiment("tagged <b>x</b>");
        JsonNode dup = ApiHttp.json(http.post("/api/2.0/mlflow/experiments/create", "{\"name\":\"tagged <b>x</b>\"}"));
        assertEquals("RESOURCE_ALREADY_EXISTS", dup.get("error_code").asText());
        rest.store().setExperimentTag(id, "owner", "ml");
        assertEquals("ml", embedded.getExperiment(id).orElseThrow().tags().get("owner"));
        assertEquals(id, rest.getExperimentByName("tagged <b>x</b>").orElseThrow().experimentId());
        JsonNode found = ApiHttp.json(http.post("/ajax-api/2.0/mlflow/experiments/search",
                "{\"filter\":\"tags.owner = 'ml' AND name LIKE 'tagged%'\",\"view_type\":\"ALL\"}"));
        assertEquals(1, found.get("experiments").size());
        assertEquals(id, found.get("experiments").get(0).get("experiment_id").asText());
        assertTrue(rest.listExperiments().stream().anyMatch(e -> e.experimentId().equals(id)));
        HttpResponse<String> missing = http.get("/api/2.0/mlflow/experiments/get?experiment_id=987654");
        assertEquals(404, missing.statusCode());
        assertEquals("RESOURCE_DOES_NOT_EXIST", ApiHttp.json(missing).get("error_code").asText());
        HttpResponse<String> delete = http.post("/api/2.0/mlflow/experiments/delete", "{\"experiment_id\":\"" + id + "\"}");
        assertEquals(501, delete.statusCode(), "the store SPI has no experiment deletion yet");
        assertEquals("NOT_IMPLEMENTED", ApiHttp.json(delete).get("error_code").asText());
        assertEquals(io.jruns.domain.LifecycleStage.ACTIVE, embedded.getExperiment(id).orElseThrow().lifecycleStage());
        JsonNode got = ApiHttp.json(http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name=tagged%20%3Cb%3Ex%3C%2Fb%3E"));
        assertEquals("mlflow-artifacts:/" + id, got.get("experiment").get("artifact_location").asText());
    }

    private static String run(String exp, String name, double loss) {
        String id = rest.createRun(exp, name, Map.of(), null).runId();
        rest.logParam(id, "kind", "x");
        rest.logMetric(id, "loss", loss, 0);
        rest.setTerminated(id, RunStatus.FINISHED);
        return id;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> out = new java.util.ArrayList<>();
        answer.path("runs").forEach(r -> out.add(r.get("info").get("run_id").asText()));
        return out;
    }
}
