package io.jruns.internal.rest;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.RunStatus;
import io.jruns.store.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the spool cannot be written (JRUNS_HOME under a regular file) while the server refuses
 * to answer, what the server did not take is said to be unsaved, once, and lost at the end;
 * never said to wait in the spool. When the server comes back, it is sent after all.
 */
@Timeout(60)
class UnwritableSpoolTest {
    @TempDir
    Path dir;
    RestFixture fx;
    RestStore store;
    String runId;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("afile"), "a file, not a folder");
        fx = new RestFixture(dir.resolve("afile").resolve("home"));
        store = fx.store();
        runId = store.createRun("0", "u", 1L, "r", List.of()).runId();
        fx.fake.override = s -> s.path().endsWith("runs/log-batch") || s.path().endsWith("runs/update")
                ? FakeMlflow.error(500, "INTERNAL_ERROR", "boom") : null;
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    private List<JrunsException> log(double v) {
        return store.logBatches(List.of(new LogBatch(runId, List.of(new Metric("m", v, 1L, 0)), List.of(), List.of())), true);
    }

    private void noFalseClaims() {
        for (String w : fx.warnings) {
            assertTrue(!w.contains("kept in") && !w.contains("waits in") && !w.contains("remain in"), w);
        }
    }

    @Test
    void whatTheSpoolCannotTakeIsSaidUnsavedOnceThenLostAtClose() {
        List<JrunsException> first = log(1);
        assertEquals(1, first.size(), first.toString());
        String spool = fx.config().spoolFile().toString();
        assertEquals("1 log request for " + fx.fake.url() + " (values of run " + runId + ") is not saved: the spool " + spool
                + " cannot be written (" + dir.resolve("afile").resolve("home") + ": Not a directory), and the server did not"
                + " take it (boom (POST runs/log-batch on " + fx.fake.url() + ": HTTP 500 INTERNAL_ERROR)); it and what is"
                + " logged after are held in this process only, lost if it ends before " + fx.fake.url() + " answers",
                first.get(0).getMessage());
        assertEquals(List.of(), log(2), "said once");
        assertEquals(List.of(), store.logBatches(List.of(), List.of(), List.of(new RunEnd(runId, RunStatus.FINISHED, 5L)), true));

        store.close();
        noFalseClaims();
        List<String> lost = fx.warnings.stream().filter(w -> w.contains("lost")).toList();
        assertEquals(1, lost.size(), fx.warnings.toString());
        assertTrue(lost.get(0).startsWith("jruns: 3 log requests for " + fx.fake.url() + " (values of run " + runId
                + "; the end of run " + runId + ") are lost: the spool " + spool + " cannot be written ("), lost.get(0));
    }

    @Test
    void whatIsHeldIsSentWhenTheServerAnswersAgain() {
        log(1);
        fx.fake.override = s -> null;
        assertEquals(List.of(), log(2));
        assertEquals(2, store.getMetricHistory(runId, "m").size());
        assertTrue(fx.warnings.contains("jruns: " + fx.fake.url() + " answers again; sent 1 log request held in memory"),
                fx.warnings.toString());
        store.close();
        noFalseClaims();
        assertTrue(fx.warnings.stream().noneMatch(w -> w.contains("lost")), fx.warnings.toString());
    }

    /** A program that ends without flush or close: its shutdown hooks say what is lost, and nothing false. */
    @Test
    void atExitTheLossIsSaidPlainly() throws IOException, InterruptedException {
        store.close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                UnwritableSpoolProgram.class.getName()).redirectErrorStream(true);
        pb.environment().put("JRUNS_HOME", dir.resolve("afile").resolve("home").toString());
        pb.environment().put("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), out);
        // a shutdown hook cannot change a plain program's exit status (only halt, which skips the other hooks)
        assertEquals(0, p.exitValue(), out);
        for (String line : out.split("\\R")) {
            assertTrue(!line.contains("kept in") && !line.contains("waits in") && !line.contains("remain in"), out);
        }
        assertTrue(out.contains(") is lost: the spool ") && out.contains("cannot be written (")
                && out.contains("Not a directory"), out);
        assertTrue(out.contains("(values of run "), out);
        assertTrue(out.contains("the end of run "), out);
    }
}
