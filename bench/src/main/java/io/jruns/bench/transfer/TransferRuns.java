package io.jruns.bench.transfer;

import io.jruns.TrackingClient;
import io.jruns.domain.RunStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs the transfer benchmark moves, made through {@link TrackingClient} as a notebook
 * would (and timed: that is the baseline): each has 20 params, 20 metrics of {@link #STEPS}
 * steps, 5 tags and one small artifact file, and ends FINISHED; then a flush.
 */
final class TransferRuns {
    static final int STEPS = 5;
    static final int PER_RUN = 20 + 20 * STEPS + 5; // params, points, tags: what each run carries

    private TransferRuns() {
    }

    /** Nanoseconds to create {@code runs} runs in experiment "transfer" of {@code client}'s store. */
    static long create(TrackingClient client, int runs, Path artifact) {
        String exp = client.createExperiment("transfer");
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int k = 0; k < 5; k++) tags.put("tag" + k, "v" + (i % 7));
            String id = client.createRun(exp, "run-" + i, tags, "bench").runId();
            for (int k = 0; k < 20; k++) client.logParam(id, "p" + k, i % (k + 3));
            for (int s = 0; s < STEPS; s++) {
                for (int k = 0; k < 20; k++) client.logMetric(id, "m" + k, i * 0.001 + k + s, s);
            }
            client.logArtifact(id, artifact, "");
            client.setTerminated(id, RunStatus.FINISHED);
        }
        client.flush();
        return System.nanoTime() - t0;
    }
}
