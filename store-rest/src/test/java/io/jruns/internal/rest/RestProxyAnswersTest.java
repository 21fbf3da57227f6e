package io.jruns.internal.rest;

import io.jruns.domain.Metric;
import io.jruns.internal.writer.AsyncWriter;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 4xx that is not MLflow's JSON comes from something in between (a proxy's error page, a
 * gateway's timeout): it says nothing about the values, so they are kept and sent again, not
 * dropped one by one as values the server refused.
 */
@Timeout(60)
class RestProxyAnswersTest extends FakeServerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | text/html | <html><head><title>400 Bad Request</title></head><body><center><h1>400 Bad Request</h1></center><hr><center>nginx</center></body></html>",
            "408 | text/plain | ''",
            "413 | text/html | <html><title>413 Request Entity Too Large</title></html>",
            "400 | application/json | {\"detail\": \"bad gateway request\"}",
    })
    void aNonMlflow4xxKeepsTheValuesToSendAgain(int status, String type, String body) throws Exception {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AtomicInteger proxied = new AtomicInteger(3); // the flush spools them; the replays send them
        fx.fake.override = s -> s.path().endsWith("runs/log-batch") && proxied.getAndDecrement() > 0
                ? new MockResponse().setResponseCode(status).setHeader("Content-Type", type).setBody(body) : null;
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 20; i++) writer.metric(run, "loss", i, 1000 + i, i);
        writer.param(run, "lr", "0.1");
        writer.flush();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((store.hasSpooled() || proxied.get() > 0) && System.nanoTime() < end) Thread.sleep(50);
        writer.flush();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add((double) i);
        synchronized (fx.fake.state) {
            assertEquals(expected, fx.fake.state.runs.get(run).metrics.get("loss").stream().map(Metric::value).toList());
            assertEquals("0.1", fx.fake.state.runs.get(run).params.get("lr"));
        }
        assertTrue(fx.warnings.stream().noneMatch(w -> w.contains("refused")), fx.warnings.toString());
        assertTrue(fx.warnings.stream().anyMatch(w -> w.contains("HTTP " + status)), fx.warnings.toString());
        writer.close();
    }
}
