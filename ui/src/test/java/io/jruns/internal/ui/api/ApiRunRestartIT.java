package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.TrackingClient;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.ui.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A run an MLflow client made through the UI's API and left RUNNING is the client's, not the
 * UI's: restarting the UI does not end it (MLflow's server never ends runs by itself).
 */
class ApiRunRestartIT {
    static final String TOKEN = "fixed-token-for-the-restart-test";
    @TempDir
    Path home;

    @Test
    void aRunMadeThroughTheApiSurvivesARestartOfTheUi() throws Exception {
        String runId;
        try (TrackingClient store = TrackingClient.open(home.toString());
             UiServer ui = UiServer.builder(store).token(TOKEN).build().start()) {
            ApiHttp http = new ApiHttp(ui.info().url(), TOKEN);
            JsonNode made = ApiHttp.json(http.post("/api/2.0/mlflow/runs/create",
                    "{\"experiment_id\":\"0\",\"run_name\":\"from python\",\"start_time\":1000}"));
            runId = made.path("run").path("info").path("run_id").asText();
            assertEquals("RUNNING", made.path("run").path("info").path("status").asText(), made.toString());
        }
        uiProcessGone();
        try (TrackingClient store = TrackingClient.open(home.toString());
             UiServer ui = UiServer.builder(store).token(TOKEN).build().start()) {
            Run run = store.getRun(runId);
            assertEquals(RunStatus.RUNNING, run.info().status(), "the UI that made it is gone, its client may not be");
            assertNull(run.info().endTime());
            assertNull(run.data().tags().get(SystemTags.KILLED_REASON));
            ApiHttp http = new ApiHttp(ui.info().url(), TOKEN);
            http.post("/api/2.0/mlflow/runs/update", "{\"run_id\":\"" + runId + "\",\"status\":\"FINISHED\",\"end_time\":5000}");
            assertEquals(5000L, store.getRun(runId).info().endTime(), "its client ends it later");
        }
    }

    /** As if the UI's process had exited: every run it owns names a pid no process has. */
    private void uiProcessGone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET owner_pid = 2147483647, owner_start = 0 WHERE owner_pid IS NOT NULL");
        }
    }
}
