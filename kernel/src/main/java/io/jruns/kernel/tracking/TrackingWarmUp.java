package io.jruns.kernel.tracking;

import io.jruns.TrackingClient;
import io.jruns.domain.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Logs one run to a throw-away store in a temporary folder while the kernel waits for its
 * first cell, on the core JShell's build leaves free: the first {@code %run} cell then finds
 * SQLite's native library loaded and the store, writer and JSON classes ready instead of
 * paying for them (about a quarter of a second). The notebook's own store is never touched.
 */
public final class TrackingWarmUp {
    private static final Logger LOG = Logger.getLogger(TrackingWarmUp.class.getName());

    private TrackingWarmUp() {
    }

    /** Starts the warm-up on a daemon thread; it gives way to everything else. */
    public static void start() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Thread t = new Thread(() -> run(tmp), "jruns-tracking-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** @return whether the run was logged and read back; the folder made under {@code parent} is gone either way */
    static boolean run(Path parent) {
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory(parent, "jruns-warm-up");
            try (TrackingClient client = TrackingClient.open(dir.toString())) {
                String experiment = client.createExperiment("warm-up");
                String runId = client.createRun(experiment, "warm-up", Map.of("mlflow.user", "warm-up"), "warm-up")
                        .runId();
                client.logParam(runId, "alpha", 0.5);
                client.logMetric(runId, "loss", 0.5, 0);
                client.setTag(runId, "warm", "up");
                client.setTerminated(runId, RunStatus.FINISHED);
                if (client.getRun(runId).info().status() != RunStatus.FINISHED) return false;
            }
            LOG.fine(() -> "tracking warm-up took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "tracking warm-up failed (the first run just starts slower)", e);
            return false;
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not delete " + dir, e);
        }
    }
}
