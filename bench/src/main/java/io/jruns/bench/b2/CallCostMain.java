package io.jruns.bench.b2;

import io.jruns.Jruns;
import io.jruns.bench.child.Dirs;
import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * B2 (run in a child JVM): what one Jruns.logMetric costs the caller, each call timed alone
 * with System.nanoTime (minus nanoTime's own cost), in bursts well under the writer's queue
 * capacity so the figure is the call, not backpressure. Baseline: a bare
 * ArrayBlockingQueue.offer of a record of the same shape, timed the same way.
 * Usage: CallCostMain [BURSTS [BURST_SIZE]]
 */
public final class CallCostMain {
    static final int WARMUP_BURSTS = 20;
    static final int KEYS = 100;

    /** What the writer queues per call, for the baseline. */
    record Point(String runId, String key, double value, long timestamp, long step) {
    }

    private CallCostMain() {
    }

    public static void main(String[] args) throws Exception {
        int bursts = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String[] keys = new String[KEYS];
        for (int k = 0; k < KEYS; k++) keys[k] = "metric_" + k;
        long overhead = nanoTimeOverhead();
        Report.progress("B2: " + bursts + " bursts of " + burst + " timed calls after " + WARMUP_BURSTS
                + " warm-up bursts; nanoTime overhead " + overhead + " ns (subtracted)");

        Path dir = Files.createTempDirectory("jruns-bench-b2-");
        Jruns.setTrackingUri(dir.toString());
        Jruns.startRun("b2");
        long[] jruns = new long[bursts * burst];
        long step = 0;
        for (int b = -WARMUP_BURSTS; b < bursts; b++) {
            for (int i = 0; i < burst; i++, step++) {
                String key = keys[i % KEYS];
                long t0 = System.nanoTime();
                Jruns.logMetric(key, i, step);
                long t1 = System.nanoTime();
                if (b >= 0) jruns[b * burst + i] = t1 - t0 - overhead;
            }
            Jruns.flush(); // untimed: empty the queue so the next burst never waits on it
        }
        Jruns.endRun();
        Jruns.setTrackingUri(dir.resolve("parked").toString()); // closes the store so it can go
        Dirs.deleteTree(dir);

        ArrayBlockingQueue<Point> queue = new ArrayBlockingQueue<>(1 << 16);
        long[] offer = new long[bursts * burst];
        String runId = "0123456789abcdef0123456789abcdef";
        for (int b = -WARMUP_BURSTS; b < bursts; b++) {
            for (int i = 0; i < burst; i++) {
                String key = keys[i % KEYS];
                long t0 = System.nanoTime();
                queue.offer(new Point(runId, key, i, System.currentTimeMillis(), i));
                long t1 = System.nanoTime();
                if (b >= 0) offer[b * burst + i] = t1 - t0 - overhead;
            }
            queue.clear();
        }
        Report.figure("b2.overhead", overhead);
        Report.stats("b2.jruns", Stats.of(jruns));
        Report.stats("b2.offer", Stats.of(offer));
    }

    /** The median cost of a back-to-back pair of nanoTime calls. */
    static long nanoTimeOverhead() {
        long[] d = new long[1_000_000];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < d.length; i++) {
                long t0 = System.nanoTime();
                d[i] = System.nanoTime() - t0;
            }
        }
        return (long) Stats.of(d).median();
    }
}
