package io.jruns.internal.rest;

import io.jruns.domain.Metric;
import io.jruns.internal.writer.AsyncWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging through the asynchronous writer while the server goes away and comes back, or
 * fails at random: nothing is lost, nothing is stored twice, each run's values keep their
 * order, flush() returns once the values are on the server or in the spool, and the user
 * sees one line when waiting starts, not one per call.
 */
@Timeout(60)
class RestLoggingFaultsTest extends FakeServerTest {
    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private List<Double> history(String run, String key) {
        synchronized (fx.fake.state) {
            return fx.fake.state.runs.get(run).metrics.getOrDefault(key, List.of()).stream().map(Metric::value).toList();
        }
    }

    private static List<Double> upTo(int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add((double) i);
        return out;
    }

    @Test
    void serverDownForAWhileLosesNothingAndKeepsTheOrder() throws Exception {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 1500; i++) writer.metric(run, "m", i, 1000 + i, i);
        writer.flush();
        fx.fake.stop();
        for (int i = 1500; i < 3000; i++) writer.metric(run, "m", i, 1000 + i, i);
        writer.param(run, "p", "while-down");
        assertTimeoutPreemptively(Duration.ofSeconds(10), writer::flush, "flush returns: the values are in the spool");
        assertTrue(store.hasSpooled());
        assertTrue(Files.size(store.spoolFile()) > 0);
        for (int i = 3000; i < 4000; i++) writer.metric(run, "m", i, 1000 + i, i);
        writer.flush();
        Thread.sleep(300); // the background replay tries (and fails) a few times meanwhile
        assertEquals(1, fx.warnings.size(), "one line while waiting: " + fx.warnings);
        assertTrue(fx.warnings.get(0).contains("kept in " + store.spoolFile()), fx.warnings.get(0));
        assertEquals(upTo(1500), history(run, "m"));

        fx.fake.start();
        waitFor(() -> !store.hasSpooled(), "the spool to be replayed");
        writer.metric(run, "m", 4000, 5000, 4000);
        writer.flush();
        assertEquals(upTo(4001), history(run, "m"), "every value once, in order");
        assertEquals("while-down", fx.fake.state.runs.get(run).params.get("p"));
        assertEquals(2, fx.warnings.size(), fx.warnings.toString());
        assertTrue(fx.warnings.get(1).contains("answers again"), fx.warnings.get(1));
        assertEquals(0, Files.size(store.spoolFile()), "an emptied spool is truncated");
        writer.close();
    }

    @Test
    void theSpoolOutlivesTheProcessAndIsReplayedByTheNextStore() throws Exception {
        RestStore first = fx.store();
        String run = first.createRun("0", "u", 1, "r", List.of()).runId();
        fx.fake.stop();
        AsyncWriter writer = new AsyncWriter(first);
        for (int i = 0; i < 2500; i++) writer.metric(run, "m", i, 1, i);
        writer.close();
        first.close();
        assertTrue(fx.warnings.get(fx.warnings.size() - 1).contains("remain in"), fx.warnings.toString());

        fx.fake.start();
        RestStore second = fx.store();
        waitFor(() -> !second.hasSpooled() && history(run, "m").size() == 2500, "the next store to replay the spool");
        assertEquals(upTo(2500), history(run, "m"));
    }

    @Test
    void randomFailuresBeforeTheServerActsLoseAndRepeatNothing() throws Exception {
        fx.fake.state.dedupeMetrics = false; // as a file-store server: a repeated point would show twice
        fx.fake.faults(0.3, 0.0);
        RestStore store = checkNothingLostOrRepeated();
        assertTrue(fx.fake.count("runs/log-batch") > store.logRequestsSent(), "faults were injected and retried");
    }

    @Test
    void randomFailuresAfterTheServerActedAreAbsorbedByMlflowsDedupe() throws Exception {
        fx.fake.faults(0.15, 0.2); // 500 after the SQL store wrote the batch: the retry is a no-op there
        RestStore store = checkNothingLostOrRepeated();
        assertTrue(fx.fake.count("runs/log-batch") > store.logRequestsSent(), "faults were injected and retried");
    }

    private RestStore checkNothingLostOrRepeated() throws Exception {
        RestStore store = fx.store();
        List<String> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) runs.add(store.createRun("0", "u", 1, "r" + r, List.of()).runId());
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 8000; i++) {
            String run = runs.get(i % 3);
            writer.metric(run, "m", i, 7, i);
            if (i % 500 == 0) writer.tag(run, "t", "v" + i);
            if (i % 1000 == 0) writer.param(run, "p" + i, "x");
        }
        writer.flush();
        waitFor(() -> !store.hasSpooled(), "the spool to drain");
        writer.flush();
        for (int r = 0; r < 3; r++) {
            List<Double> expected = new ArrayList<>();
            for (int i = r; i < 8000; i += 3) expected.add((double) i);
            assertEquals(expected, history(runs.get(r), "m"), "run " + r);
        }
        int params = 0;
        for (String run : runs) params += fx.fake.state.runs.get(run).params.size();
        assertEquals(8, params);
        assertEquals("v7500", fx.fake.state.runs.get(runs.get(0)).tags.get("t"));
        writer.close();
        return store;
    }

    @Test
    void hundredThousandPointsTakeAHundredRequests() {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 100_000; i++) writer.metric(run, "loss", i * 0.5, 1_700_000_000_000L + i, i);
        writer.flush();
        // 100 full requests; one more only if the logging loop paused longer than the linger time
        assertTrue(store.logRequestsSent() <= 101, "requests: " + store.logRequestsSent());
        assertEquals(store.logRequestsSent(), fx.fake.count("runs/log-batch"));
        assertEquals(100_000, history(run, "loss").size());
        assertFalse(store.hasSpooled());
        writer.close();
    }
}
