package io.jruns.bench.b1;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;

import java.nio.file.Path;

/** B1 through the public API: a fresh store, one run, every point via Jruns.logMetric, then flush(). */
final class JrunsLoad {
    private JrunsLoad() {
    }

    /** Returns the nanoseconds from the first logMetric until flush() returned. */
    static long run(Path storeDir, Workload w) {
        Jruns.setTrackingUri(storeDir.toString()); // also closes the previous round's store
        String[] keys = w.keyNames();
        ActiveRun run = Jruns.startRun("b1");
        long t0 = System.nanoTime();
        for (int step = 0; step < w.steps(); step++) {
            for (int k = 0; k < keys.length; k++) Jruns.logMetric(keys[k], Workload.value(k, step), step);
        }
        Jruns.flush();
        long elapsed = System.nanoTime() - t0;
        run.close();
        verify(run.runId(), w, keys);
        return elapsed;
    }

    /** A fast measurement of lost points would be worthless: check every key's count and latest. */
    private static void verify(String runId, Workload w, String[] keys) {
        Run stored = Jruns.client().getRun(runId);
        for (int k = 0; k < keys.length; k++) {
            MetricSummary s = stored.data().metrics().get(keys[k]);
            if (s == null || s.count() != w.steps() || s.latestStep() != w.steps() - 1
                    || s.latest() != Workload.value(k, w.steps() - 1)) {
                throw new IllegalStateException("B1: jruns stored " + s + " for " + keys[k] + ", expected "
                        + w.steps() + " points ending at step " + (w.steps() - 1));
            }
        }
        int history = Jruns.client().getMetricHistory(runId, keys[keys.length - 1]).size();
        if (history != w.steps()) throw new IllegalStateException("B1: history of " + keys[keys.length - 1] + " has " + history + " points");
    }

    /** Lets go of the last round's store (the next session opens lazily, elsewhere). */
    static void release(Path parkedDir) {
        Jruns.setTrackingUri(parkedDir.toString());
    }
}
