package io.jruns.internal.rest;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ending a run is part of what waits in the spool: a run that ends while the server is down
 * ends on the server (status and end time) when the spool is replayed, by this process or the
 * next, and the program ends normally, told where its data waits.
 */
@Timeout(60)
class RestRunEndOutageTest extends FakeServerTest {
    private FakeState.FRun run(String id) {
        synchronized (fx.fake.state) {
            return fx.fake.state.runs.get(id);
        }
    }

    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void aRunEndedDuringAnOutageEndsOnTheServerWhenTheNextProcessReplays() throws Exception {
        TrackingClient client = TrackingClient.of(fx.store());
        String run = client.createRun("0", "r", Map.of(), "u").runId();
        client.logMetric(run, "loss", 0.5, 0);
        client.flush();
        fx.fake.stop();
        for (int i = 1; i < 100; i++) client.logMetric(run, "loss", 0.5 / i, i);
        client.setTerminated(run, RunStatus.FINISHED); // no exception: the end waits with the values
        client.close();
        assertTrue(fx.warnings.stream().anyMatch(w -> w.contains("the end of run " + run) && w.contains(".spool")),
                fx.warnings.toString());
        assertTrue(fx.warnings.get(fx.warnings.size() - 1).contains("remain in"), fx.warnings.toString());
        assertEquals(RunStatus.RUNNING, run(run).status);

        fx.fake.start();
        RestStore next = fx.store(); // another process opening the same server
        waitFor(() -> !next.hasSpooled() && run(run).status == RunStatus.FINISHED, "the replay to end the run");
        assertNotNull(run(run).end);
        assertTrue(run(run).end >= run(run).start);
        assertEquals(100, run(run).metrics.get("loss").size(), "the values came first");
    }

    @Test
    void theEndIsSentAfterTheValuesLoggedBeforeIt() throws Exception {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        fx.fake.stop();
        store.updateRun(run, RunStatus.KILLED, 1234L, null);
        fx.fake.start();
        waitFor(() -> !store.hasSpooled(), "the replay");
        assertEquals(RunStatus.KILLED, run(run).status);
        assertEquals(1234L, run(run).end);
    }

    @Test
    void aRefusedValueDoesNotKeepTheRunRunning() {
        TrackingClient client = TrackingClient.of(fx.store());
        String run = client.createRun("0", "r", Map.of(), "u").runId();
        client.logParam(run, "bad:key", "v");
        client.logParam(run, "good", "v");
        assertThrows(JrunsException.class, client::flush, "flush() reports it");
        client.logParam(run, "worse:key", "v");
        client.setTerminated(run, RunStatus.FINISHED); // already told on stderr: ending does not fail
        client.close();
        assertEquals(RunStatus.FINISHED, run(run).status);
        assertEquals("v", run(run).params.get("good"));
        assertTrue(fx.warnings.stream().anyMatch(w -> w.contains("worse:key")), fx.warnings.toString());
    }
}
