package io.jruns.internal.rest;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLflow's API never redirects: a redirect is not followed, and the error says where it pointed. */
class RestRedirectTest extends FakeServerTest {
    FakeMlflow elsewhere;

    @BeforeEach
    void setUp() throws Exception {
        elsewhere = new FakeMlflow();
    }

    @AfterEach
    void tearDown() throws Exception {
        elsewhere.close();
    }

    private static MockResponse redirect(int status, String location) {
        return new MockResponse().setResponseCode(status).setHeader("Location", location);
    }

    @Test
    void a302IsNotFollowedAsAGetAndSaysWhereItPoints() {
        fx.fake.override = s -> s.path().endsWith("runs/create") ? redirect(302, "https://mlflow.example.org/api/2.0/mlflow/runs/create") : null;
        RestStore store = fx.store();
        RestException e = assertThrows(RestException.class, () -> store.createRun("0", "u", 1L, "r", List.of()));
        assertEquals(fx.fake.url() + " redirected POST runs/create to https://mlflow.example.org/api/2.0/mlflow/runs/create"
                + " (HTTP 302); set the tracking URI to where it points (e.g. https://mlflow.example.org)", e.getMessage());
        assertEquals(1, fx.fake.count("runs/create"));
        assertTrue(fx.fake.seen().stream().noneMatch(s -> s.method().equals("GET") && s.path().contains("runs/create")));
    }

    @Test
    void a307ToAnotherHostCreatesNothingThere() {
        fx.fake.override = s -> s.path().endsWith("runs/create") ? redirect(307, elsewhere.url() + "/api/2.0/mlflow/runs/create") : null;
        RestStore store = fx.store("MLFLOW_TRACKING_TOKEN", "tok");
        RestException e = assertThrows(RestException.class, () -> store.createRun("0", "u", 1L, "r", List.of()));
        assertTrue(e.getMessage().contains("redirected POST runs/create to " + elsewhere.url()
                + "/api/2.0/mlflow/runs/create (HTTP 307); set the tracking URI to where it points (e.g. " + elsewhere.url() + ")"),
                e.getMessage());
        assertEquals(List.of(), elsewhere.seen());
    }

    @Test
    void aRedirectAwayFromTheApiSaysToPointAtTheServerItself() {
        fx.fake.override = s -> s.path().endsWith("experiments/search") ? redirect(302, "/login?next=%2Fapi") : null;
        RestStore store = fx.store();
        RestException e = assertThrows(RestException.class, () -> store.listExperiments(io.jruns.domain.ViewType.ALL));
        assertEquals(fx.fake.url() + " redirected POST experiments/search to " + fx.fake.url() + "/login?next=%2Fapi (HTTP 302);"
                + " set the tracking URI to the MLflow server itself (a redirect away from the API is often a login page)",
                e.getMessage());
    }
}
