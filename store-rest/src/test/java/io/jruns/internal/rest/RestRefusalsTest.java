package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.RunTag;
import io.jruns.internal.writer.AsyncWriter;
import io.jruns.store.RefusedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values a real MLflow 2.12 server refuses (a ':' in a name, two NaN points it cannot tell
 * apart, an over-long tag it would cut): nothing else in their requests is lost, the user is
 * told once per key with the server's whole message, and flush() reports it.
 */
@Timeout(60)
class RestRefusalsTest extends FakeServerTest {
    private FakeState.FRun run(String id) {
        synchronized (fx.fake.state) {
            return fx.fake.state.runs.get(id);
        }
    }

    private List<Double> history(String run, String key) {
        synchronized (fx.fake.state) {
            return run(run).metrics.getOrDefault(key, List.of()).stream().map(Metric::value).toList();
        }
    }

    private long batchesWith(String text) {
        return fx.fake.seen().stream().filter(s -> s.path().endsWith("runs/log-batch") && s.body().contains(text)).count();
    }

    /** The program: good param, good tag, 10 points, and one key the server refuses. */
    private JrunsException logWithOneBadKey(RestStore store, String run) {
        AsyncWriter writer = new AsyncWriter(store);
        writer.param(run, "good_param", "1");
        writer.tag(run, "good_tag", "yes");
        for (int i = 0; i < 10; i++) writer.metric(run, "m", i, 1000 + i, i);
        writer.param(run, "bad:key", "v");
        for (int i = 10; i < 20; i++) writer.metric(run, "m", i, 1000 + i, i);
        JrunsException e = assertThrows(JrunsException.class, writer::flush);
        writer.close();
        return e;
    }

    @Test
    void aKeyTheServerRefusesIsIsolatedAndEverythingElseArrivesInOrder() {
        fx.fake.version = "2.20.1"; // a version that does not say ':' is refused: the server has to tell
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        JrunsException e = logWithOneBadKey(store, run);

        assertEquals("1", run(run).params.get("good_param"));
        assertEquals("yes", run(run).tags.get("good_tag"));
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add((double) i);
        assertEquals(expected, history(run, "m"), "every other value once, in order");
        assertFalse(run(run).params.containsKey("bad:key"));

        assertTrue(e instanceof RefusedValue, e.toString());
        assertTrue(e.getMessage().contains("param 'bad:key' of run " + run + " refused by"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid parameter name: 'bad:key'. Names may only contain alphanumerics, "
                + "underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/)."), "the server's whole message");
        assertEquals(1, fx.warnings.stream().filter(w -> w.contains("bad:key")).count(), fx.warnings.toString());

        // learned: the next value of that key is refused here, silently (told once), and ':' keys are known bad
        AsyncWriter writer = new AsyncWriter(store);
        long before = batchesWith("bad:key");
        writer.param(run, "bad:key", "again");
        writer.metric(run, "m", 20, 2000, 20);
        writer.flush();
        writer.close();
        assertEquals(before, batchesWith("bad:key"), "not sent again");
        assertEquals(1, fx.warnings.stream().filter(w -> w.contains("bad:key")).count(), fx.warnings.toString());
        assertEquals(21, history(run, "m").size());
    }

    @Test
    void everyValueTheServerRefusesIsSaidAtLeastAsACount() {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        // a server that refuses two of the values of one key (as a plugin's validation might)
        fx.fake.override = s -> s.path().endsWith("runs/log-batch")
                && (s.body().contains("\"step\":7}") || s.body().contains("\"step\":13}"))
                ? FakeMlflow.error(400, "INVALID_PARAMETER_VALUE", "value out of range") : null;
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 20; i++) writer.metric(run, "loss", i, 1000 + i, i);
        JrunsException e = assertThrows(JrunsException.class, writer::flush);
        writer.close();
        assertEquals(18, history(run, "loss").size(), "every other value arrived");
        assertTrue(e.getMessage().contains("metric 'loss' (7.0 at step 7"), e.getMessage());
        assertTrue(fx.warnings.stream().anyMatch(w -> w.contains("1 more value of metric 'loss' of run " + run)),
                fx.warnings.toString());
    }

    @Test
    void onA212ServerAColonIsRefusedBeforeSending() {
        RestStore store = fx.store(); // the fake says 2.12.2.dev0, as the recording 49-version
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        JrunsException e = logWithOneBadKey(store, run);
        assertEquals(0, batchesWith("bad:key"), "never sent");
        assertTrue(e.getMessage().contains("does not allow ':'"), e.getMessage());
        assertEquals(20, history(run, "m").size());
        assertEquals("1", run(run).params.get("good_param"));
    }

    @Test
    void twoNanPointsOfOneKeyStepAndTimeAreSentOnceAndNothingIsLost() {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 500; i++) writer.metric(run, "loss", i, 7, i);
        writer.metric(run, "loss", Double.NaN, 7, 500);
        writer.metric(run, "loss", Double.NaN, 7, 500); // same key, step and millisecond
        for (int i = 501; i < 1000; i++) writer.metric(run, "loss", i, 7, i);
        writer.flush();
        writer.metric(run, "loss", Double.NaN, 7, 500); // and once more in a later request
        writer.flush();
        writer.close();
        assertEquals(1000, history(run, "loss").size());
        assertTrue(Double.isNaN(history(run, "loss").get(500)));
        assertTrue(fx.warnings.isEmpty(), fx.warnings.toString());
    }

    @Test
    void aUniqueConstraintFailureOnTheServerCostsOnlyTheCollidingPoint() {
        RestStore first = fx.store();
        String run = first.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter w1 = new AsyncWriter(first);
        w1.metric(run, "loss", Double.NaN, 7, 3);
        w1.close();
        // another process logs the same NaN point with 99 others: the server fails the request with a 500
        RestStore second = fx.store();
        AsyncWriter w2 = new AsyncWriter(second);
        for (int i = 0; i < 100; i++) w2.metric(run, "loss", i == 3 ? Double.NaN : i, 7, i);
        JrunsException e = assertThrows(JrunsException.class, w2::flush);
        w2.close();
        assertEquals(100, history(run, "loss").size(), "the other 99 arrived, the NaN point is there once");
        assertTrue(e.getMessage().contains("UNIQUE constraint failed") && e.getMessage().contains("sqlalche.me"),
                "the whole message, every line: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "on one line");
        assertFalse(second.hasSpooled(), "refused, not kept for a replay that would fail forever");
    }

    @Test
    void tagsOverTheServersLimitAreRefusedNotCut() {
        RestStore store = fx.store(); // 2.12: tag values are cut at 5000, silently
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        writer.tag(run, "long", "x".repeat(5001));
        writer.tag(run, "fits", "y".repeat(5000));
        JrunsException e = assertThrows(RefusedValue.class, writer::flush);
        writer.close();
        assertTrue(e.getMessage().contains("5001 characters, over the limit of 5000 of this MLflow server (2.12.2.dev0)"),
                e.getMessage());
        assertFalse(run(run).tags.containsKey("long"));
        assertEquals(5000, run(run).tags.get("fits").length());
        JrunsException atCreate = assertThrows(JrunsException.class, () -> store.createRun("0", "u", 1, "r2",
                List.of(new RunTag("mlflow.note.content", "n".repeat(6000)))));
        assertTrue(atCreate.getMessage().contains("over the limit of 5000"), atCreate.getMessage());
    }

    @Test
    void newerServersTakeEightThousand() {
        fx.fake.version = "2.17.0";
        fx.fake.state.tagValueLimit = 8000;
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        AsyncWriter writer = new AsyncWriter(store);
        writer.tag(run, "long", "x".repeat(6000));
        writer.close();
        assertEquals(6000, run(run).tags.get("long").length());
    }

    @Test
    void aTagLoggedBeforeTheServerToldItsVersionGetsTheOldestLimitNotACut() throws Exception {
        String run;
        synchronized (fx.fake.state) {
            run = fx.fake.state.createRun("0", "u", "r", 1, Map.of()).id;
        }
        RestStore store = fx.store(); // a 2.12 server, away at the first log call: its version is not known
        fx.fake.stop();
        List<JrunsException> problems = store.logBatches(List.of(new LogBatch(run, List.of(), List.of(),
                List.of(new RunTag("long", "x".repeat(6000)), new RunTag("fits", "y".repeat(5000))))), true);
        fx.fake.start();
        for (int i = 0; i < 100 && store.hasSpooled(); i++) Thread.sleep(100);
        assertFalse(store.hasSpooled());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).getMessage().contains("6000 characters, over the limit of 5000 of this MLflow server"
                + " until it tells its version"), problems.get(0).getMessage());
        assertFalse(run(run).tags.containsKey("long"), "refused, not cut to 5000 by the server");
        assertEquals(5000, run(run).tags.get("fits").length());
    }
}
