package io.jruns.internal.rest;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow server is not silence: a call someone waits on says once that it is waiting, and a
 * create that timed out says the run may exist all the same. The fixture's read timeout is
 * 2 s here, so the word comes after 1 s (half of it) instead of 10 s.
 */
class RestSlowServerTest extends FakeServerTest {
    RestStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = fx.open(fx.config().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    private List<String> waitingLines() {
        return fx.warnings.stream().filter(w -> w.contains("waiting for")).toList();
    }

    @Test
    void aSlowCallSaysOnceThatItWaitsAndWhichSettingsGovernTheWait() {
        AtomicInteger tries = new AtomicInteger();
        // the first try outlasts the read timeout (2 s), the second is slow but answers: one line for the call
        fx.fake.override = s -> s.path().endsWith("experiments/search") && tries.incrementAndGet() == 1
                ? new MockResponse().setHeadersDelay(2500, TimeUnit.MILLISECONDS).setBody("{}") : null;
        store.listExperiments(io.jruns.domain.ViewType.ALL);
        assertEquals(2, tries.get());
        assertEquals(List.of("jruns: waiting for " + fx.fake.url() + ": no answer to POST experiments/search for 1 s;"
                + " each try waits up to 2 s (MLFLOW_HTTP_REQUEST_TIMEOUT), retrying up to 3 times"
                + " (MLFLOW_HTTP_REQUEST_MAX_RETRIES)"), waitingLines());
    }

    @Test
    void aQuickCallSaysNothing() throws Exception {
        store.listExperiments(io.jruns.domain.ViewType.ALL);
        Thread.sleep(1500);
        assertEquals(List.of(), waitingLines());
    }

    @Test
    void aCreateThatTimedOutSaysTheRunMayExistAllTheSame() {
        fx.fake.override = s -> s.path().endsWith("runs/create")
                ? new MockResponse().setHeadersDelay(3, TimeUnit.SECONDS).setBody("{}") : null;
        RestException e = assertThrows(RestException.class, () -> store.createRun("0", "u", 1L, "r", List.of()));
        assertTrue(e.getMessage().contains("timed out") && e.getMessage().endsWith(
                "; the run may have been created on the server all the same: look for it before creating it again"),
                e.getMessage());
        assertEquals(1, fx.fake.count("runs/create"), "a create that may have arrived is not sent again");
        assertEquals(1, waitingLines().size(), fx.warnings.toString());
        assertTrue(waitingLines().get(0).endsWith("; not tried again after a timeout, as it may have been carried out"));
    }
}
