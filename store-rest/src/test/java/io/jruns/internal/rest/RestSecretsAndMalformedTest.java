package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.ViewType;
import io.jruns.internal.writer.AsyncWriter;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token never shows anywhere; malformed answers are clear errors and never cost logged data. */
@Timeout(60)
class RestSecretsAndMalformedTest extends FakeServerTest {
    static final String TOKEN = "s3cr3t-tok-7f9a2c";
    static final String PASSWORD = "pw-Zq81x";


    @Test
    void aTokenNeverAppearsInOutputLogsOrErrors() throws Exception {
        StringBuilder seen = new StringBuilder();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (seen) {
                    seen.append(r.getLoggerName()).append(' ').append(r.getMessage()).append('\n');
                    if (r.getThrown() != null) seen.append(stack(r.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        Logger.getLogger("okhttp3").setLevel(Level.ALL);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exercise(fx.config("MLFLOW_TRACKING_TOKEN", TOKEN).withWarnings(System.err::println), seen);
            exercise(fx.config("MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", PASSWORD)
                    .withWarnings(System.err::println), seen);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(handler);
            root.setLevel(level);
        }
        seen.append(captured.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) seen.append(Files.readString(f));
        }
        String all = seen.toString();
        assertTrue(all.contains("HTTP 401") && all.contains("kept in"), "the failures did happen: " + all);
        assertFalse(all.contains(TOKEN), "the token leaked");
        assertFalse(all.contains(PASSWORD), "the password leaked");
        assertFalse(all.contains(java.util.Base64.getEncoder().encodeToString(("ann:" + PASSWORD).getBytes())),
                "the basic credentials leaked");
    }

    /** Every way a message is made: refusals echoing the header, outages, spool warnings, toString, describe. */
    private void exercise(RestConfig config, StringBuilder seen) throws Exception {
        RestStore store = fx.open(config);
        seen.append(store.describe()).append(store).append(config).append(config.credentials()).append('\n');
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        fx.fake.override = s -> s.path().contains("experiments/search")
                ? FakeMlflow.error(401, "UNAUTHENTICATED", "bad credentials: " + s.authorization()) : null;
        JrunsException e = assertThrows(JrunsException.class, () -> store.listExperiments(ViewType.ALL));
        seen.append(e.getMessage()).append(e).append(stack(e));
        fx.fake.override = s -> s.path().contains("runs/log-batch")
                ? new MockResponse().setResponseCode(401).setBody("<html>denied for " + s.authorization() + "</html>")
                : null;
        AsyncWriter writer = new AsyncWriter(store);
        writer.metric(run, "m", 1, 1, 0);
        writer.flush(); // a refused credential keeps the data: into the spool, one warning line
        fx.fake.override = s -> null;
        fx.fake.stop();
        writer.metric(run, "m", 2, 2, 1);
        writer.flush();
        try {
            store.logBatch(new LogBatch(run, List.of(new Metric("m", 3, 3, 2)), List.of(), List.of()));
        } catch (JrunsException ex) {
            seen.append(ex.getMessage()).append(stack(ex));
        }
        fx.fake.start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.hasSpooled() && System.nanoTime() < end) Thread.sleep(20);
        writer.close();
        assertEquals(List.of(1.0, 2.0), fx.fake.state.runs.get(run).metrics.get("m").stream().map(Metric::value).toList());
    }

    private static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void malformedJsonIsAClearErrorAndTheSpoolKeepsTheValues() throws Exception {
        RestStore store = fx.store();
        String run = store.createRun("0", "u", 1, "r", List.of()).runId();
        fx.fake.malformed(true); // log-batch answers 200 with a broken body: not proof the server stored anything
        AsyncWriter writer = new AsyncWriter(store);
        for (int i = 0; i < 10; i++) writer.metric(run, "m", i, 1, i);
        writer.flush();
        assertTrue(store.hasSpooled(), "kept");
        assertTrue(Files.size(store.spoolFile()) > 0);
        assertEquals(1, fx.warnings.size(), fx.warnings.toString());
        String w = fx.warnings.get(0);
        assertTrue(w.contains("runs/log-batch") && w.contains("not MLflow's JSON") && w.contains("malformed"), w);
        assertFalse(w.contains("\n"), w);

        fx.fake.override = s -> s.path().contains("runs/get")
                ? new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"run\": {\"info\": 5}}") : null;
        JrunsException e = assertThrows(JrunsException.class, () -> store.getRun(run));
        assertTrue(e.getMessage().contains("run.info should be an object"), e.getMessage());
        fx.fake.override = s -> null;

        fx.fake.malformed(false);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.hasSpooled() && System.nanoTime() < end) Thread.sleep(20);
        writer.flush();
        List<Double> stored = fx.fake.state.runs.get(run).metrics.get("m").stream().map(Metric::value).toList();
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), stored,
                "replayed once the server answers properly (the SQL store absorbs the repeat)");
        writer.close();
    }
}
