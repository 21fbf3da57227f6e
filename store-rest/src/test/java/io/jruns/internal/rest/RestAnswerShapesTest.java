package io.jruns.internal.rest;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer of the wrong shape is an error naming the call it answered and the server. */
class RestAnswerShapesTest extends FakeServerTest {
    RestStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = fx.store();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void anAnswerWithoutItsRunNamesTheCallAndTheServer() {
        fx.fake.override = s -> s.path().endsWith("runs/create") ? json("{}") : null;
        RestException e = assertThrows(RestException.class, () -> store.createRun("0", "u", 1L, "r", List.of()));
        assertEquals(RestException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("answered POST runs/create with something that is not MLflow's JSON: "
                + "missing object 'run' (" + fx.fake.url() + ")"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeNamesTheCallAndTheServer() {
        String id = store.createRun("0", "u", 1L, "r", List.of()).runId();
        fx.fake.override = s -> s.path().contains("runs/get?") ? json("{\"run\": {\"info\": {\"run_id\": 12}, \"data\": {}}}") : null;
        RestException e = assertThrows(RestException.class, () -> store.getRun(id));
        assertTrue(e.getMessage().contains("answered GET runs/get with something that is not MLflow's JSON: "
                + "run.info.run_id should be a string, found 12 (" + fx.fake.url() + ")"), e.getMessage());
    }

    @Test
    void aSearchAnswerOfTheWrongShapeNamesTheCall() {
        fx.fake.override = s -> s.path().endsWith("experiments/search") ? json("{\"experiments\": [{\"experiment_id\": []}]}") : null;
        RestException e = assertThrows(RestException.class, () -> store.listExperiments(io.jruns.domain.ViewType.ALL));
        assertTrue(e.getMessage().contains("answered POST experiments/search with something that is not MLflow's JSON")
                && e.getMessage().contains(fx.fake.url()), e.getMessage());
    }
}
