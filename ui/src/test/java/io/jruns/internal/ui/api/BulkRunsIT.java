package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.TrackingClient;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.store.Store;
import io.jruns.store.TrackingUri;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Databricks' bulk delete-runs and restore-runs on a real jruns ui, as Python's
 * mlflow.delete_runs / restore_runs send them, and as jruns's REST store uses them.
 */
class BulkRunsIT {
    static final String TOKEN = "fixed-token-for-the-bulk-test";
    static final String DELETE = "/api/2.0/mlflow/databricks/runs/delete-runs";
    static final String RESTORE = "/api/2.0/mlflow/databricks/runs/restore-runs";
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
    void deleteRunsTakesTheOldestAtOrBeforeTheTimeAndRestoreRunsBringsThemBack() throws Exception {
        String exp = embedded.store().createExperiment("bulk-http", null, Map.of());
        List<String> ids = runs(exp, 100, 200, 300, 400);
        String body = "{\"experiment_id\":\"" + exp + "\",\"max_timestamp_millis\":300,\"max_runs\":2}";
        HttpResponse<String> r = http.post(DELETE, body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, only(r, "runs_deleted"));
        assertEquals(Set.of(ids.get(0), ids.get(1)), deleted(exp));
        // max_runs absent is 10,000; the run at exactly 300 goes too; through MLflow's UI prefix as well
        r = http.post(DELETE.replace("/api/", "/ajax-api/"), "{\"experiment_id\":\"" + exp + "\",\"max_timestamp_millis\":300}");
        assertEquals(1, only(r, "runs_deleted"));
        assertEquals(Set.of(ids.get(0), ids.get(1), ids.get(2)), deleted(exp));

        r = http.post(RESTORE, "{\"experiment_id\":\"" + exp + "\",\"min_timestamp_millis\":0,\"max_runs\":10000}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, only(r, "runs_restored"));
        assertEquals(Set.of(), deleted(exp));
        long later = System.currentTimeMillis() + 60_000;
        r = http.post(RESTORE, "{\"experiment_id\":\"" + exp + "\",\"min_timestamp_millis\":" + later + "}");
        assertEquals(0, only(r, "runs_restored"), "nothing deleted since");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"max_timestamp_millis\":1} | 400 | INVALID_PARAMETER_VALUE | Missing value for required parameter 'experiment_id'. See the API docs for more information about request parameters.",
            "{\"experiment_id\":\"EXP\"} | 400 | INVALID_PARAMETER_VALUE | Missing value for required parameter 'max_timestamp_millis'. See the API docs for more information about request parameters.",
            "{\"experiment_id\":\"EXP\",\"max_timestamp_millis\":-5} | 400 | INVALID_PARAMETER_VALUE | Invalid value -5 for parameter 'max_timestamp_millis' supplied: expected milliseconds since the epoch (0 or more)",
            "{\"experiment_id\":\"EXP\",\"max_timestamp_millis\":1,\"max_runs\":0} | 400 | INVALID_PARAMETER_VALUE | Invalid value 0 for parameter 'max_runs' supplied: expected 1 to 10000",
            "{\"experiment_id\":\"EXP\",\"max_timestamp_millis\":1,\"max_runs\":10001} | 400 | INVALID_PARAMETER_VALUE | Invalid value 10001 for parameter 'max_runs' supplied: expected 1 to 10000",
            "{\"experiment_id\":\"EXP\",\"max_timestamp_millis\":1,\"max_runs\":\"ten\"} | 400 | INVALID_PARAMETER_VALUE | Invalid value ten for parameter 'max_runs' supplied: expected an integer",
            "{\"experiment_id\":\"987654\",\"max_timestamp_millis\":1} | 404 | RESOURCE_DOES_NOT_EXIST | No Experiment with id=987654 exists",
            "{\"experiment_id\":\"x1\",\"max_timestamp_millis\":1} | 400 | INVALID_PARAMETER_VALUE | Invalid experiment id 'x1': expected a number"})
    void badInputIsMlflowsErrorAndChangesNothing(String body, int status, String code, String message) throws Exception {
        String exp = embedded.store().createExperiment("bulk-bad-" + status + "-" + Math.abs(body.hashCode()), null, Map.of());
        runs(exp, 0);
        for (String path : List.of(DELETE, RESTORE)) {
            boolean restore = path.equals(RESTORE);
            String sent = body.replace("EXP", exp);
            if (restore) sent = sent.replace("max_timestamp_millis", "min_timestamp_millis");
            HttpResponse<String> r = http.post(path, sent);
            assertEquals(status, r.statusCode(), r.body());
            JsonNode error = ApiHttp.json(r);
            assertEquals(code, error.get("error_code").asText());
            assertEquals(restore ? message.replace("max_timestamp_millis", "min_timestamp_millis") : message, error.get("message").asText());
        }
        assertEquals(Set.of(), deleted(exp));
    }

    @Test
    void theRestStoreSendsOneBulkCallNotARunByRunFallback() {
        String exp = embedded.store().createExperiment("bulk-rest", null, Map.of());
        List<String> ids = runs(exp, 10, 20, 30);
        List<String> reports = new ArrayList<>();
        Store store = rest.store();
        assertEquals(2, store.deleteRunsCreatedBefore(exp, 25, 10, (what, done, total) -> reports.add(what + " " + done)));
        assertEquals(Set.of(ids.get(0), ids.get(1)), deleted(exp));
        // one call of the store: one deletion time for both (run by run, each has its own), and
        // no progress of a client-side loop
        Set<Long> times = ids.subList(0, 2).stream().map(id -> embedded.getRun(id).info().deletedTime()).collect(Collectors.toSet());
        assertEquals(1, times.size(), times.toString());
        assertEquals(List.of(), reports);
        assertEquals(2, store.restoreRunsDeletedSince(exp, times.iterator().next(), 10, (what, done, total) -> reports.add(what + " " + done)));
        assertEquals(Set.of(), deleted(exp));
        assertEquals(List.of(), reports);
    }

    /** The answer's one field, a count, as Databricks answers. */
    private static int only(HttpResponse<String> r, String field) throws Exception {
        JsonNode n = ApiHttp.json(r);
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of(field), fields, r.body());
        return n.get(field).asInt();
    }

    private static List<String> runs(String exp, long... starts) {
        List<String> ids = new ArrayList<>();
        for (long s : starts) ids.add(embedded.store().createRun(exp, "alice", s, "r" + s, List.of()).runId());
        return ids;
    }

    private static Set<String> deleted(String exp) {
        return embedded.store().listRuns(List.of(exp), ViewType.ALL, 1000).stream()
                .filter(r -> r.info().lifecycleStage() == LifecycleStage.DELETED).map(Run::runId).collect(Collectors.toSet());
    }
}
