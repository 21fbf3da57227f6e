package io.jruns.bench.b1;

import io.jruns.bench.child.Dirs;
import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * B1 (run in a child JVM with -Xmx128m): points/s end to end through the Jruns API and through
 * raw sqlite-jdbc, a warm-up round of each, then measured rounds alternating the two so drift
 * hits both alike. The heap is watched during the jruns rounds (and the baseline's, for scale).
 * Usage: ThroughputMain ROUNDS
 */
public final class ThroughputMain {
    private ThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Workload w = Workload.B1;
        HeapSampler heap = new HeapSampler(10);
        Path root = Files.createTempDirectory("jruns-bench-b1-");
        try {
            Report.progress("B1: " + w.points() + " points (" + w.keys() + " keys x " + w.steps() + " steps), heap max "
                    + mb(heap.maxHeap()) + " MB, warm-up + " + rounds + " rounds, stores under " + root);
            Report.progress(String.format("warm-up: jruns %.0f points/s, baseline %.0f points/s",
                    rate(w, JrunsLoad.run(fresh(root, "warm-jruns"), w)),
                    rate(w, SqliteBaseline.run(fresh(root, "warm-base"), w))));
            double[] jruns = new double[rounds];
            double[] base = new double[rounds];
            double[] chunks = new double[rounds];
            double[] chunksNoCheckpoint = new double[rounds];
            HeapSampler.Peaks jrunsHeap = null;
            HeapSampler.Peaks baseHeap = null;
            long jrunsBytes = 0;
            long baseBytes = 0;
            Dirs.deleteTree(root.resolve("warm-base"));
            Path previous = root.resolve("warm-jruns");
            for (int r = 0; r < rounds; r++) {
                Path jrunsDir = fresh(root, "jruns-" + r);
                heap.reset();
                Allocation alloc = new Allocation();
                jruns[r] = rate(w, JrunsLoad.run(jrunsDir, w));
                jrunsBytes += alloc.since();
                jrunsHeap = max(jrunsHeap, heap.peaks());
                Dirs.deleteTree(previous); // closed when this round opened its own store
                previous = jrunsDir;
                heap.reset();
                alloc = new Allocation();
                base[r] = rate(w, SqliteBaseline.run(fresh(root, "base-" + r), w));
                baseBytes += alloc.since();
                baseHeap = max(baseHeap, heap.peaks());
                Report.progress(String.format("round %d: jruns %.0f points/s, baseline %.0f points/s", r + 1, jruns[r], base[r]));
                Dirs.deleteTree(root.resolve("base-" + r));
                chunks[r] = rate(w, SqliteChunkBaseline.run(fresh(root, "chunks-" + r), w, true));
                Dirs.deleteTree(root.resolve("chunks-" + r));
                chunksNoCheckpoint[r] = rate(w, SqliteChunkBaseline.run(fresh(root, "chunks-nc-" + r), w, false));
                Dirs.deleteTree(root.resolve("chunks-nc-" + r));
                Report.progress(String.format("round %d: storage limit (pre-packed chunks) %.0f points/s, %.0f without its"
                        + " checkpoint; jruns %.2fx, %.2fx", r + 1, chunks[r], chunksNoCheckpoint[r],
                        jruns[r] / chunks[r], jruns[r] / chunksNoCheckpoint[r]));
            }
            Report.progress("jruns rounds: " + jrunsHeap + "; baseline rounds: " + baseHeap + " (bytes)");
            Report.stats("b1.jruns", Stats.of(jruns));
            Report.stats("b1.base", Stats.of(base));
            Report.stats("b1.chunks", Stats.of(chunks));
            Report.stats("b1.chunksNoCheckpoint", Stats.of(chunksNoCheckpoint));
            reportHeap("b1.jruns.heap", jrunsHeap);
            reportHeap("b1.base.heap", baseHeap);
            Report.figure("b1.heap.max", heap.maxHeap());
            Report.figure("b1.jruns.allocPerPoint", (double) jrunsBytes / rounds / w.points());
            Report.figure("b1.base.allocPerPoint", (double) baseBytes / rounds / w.points());
        } finally {
            JrunsLoad.release(root.resolve("parked"));
            Dirs.deleteTree(root);
        }
    }

    private static double rate(Workload w, long nanos) {
        return w.points() / (nanos / 1e9);
    }

    private static Path fresh(Path root, String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static HeapSampler.Peaks max(HeapSampler.Peaks a, HeapSampler.Peaks b) {
        if (a == null) return b;
        return new HeapSampler.Peaks(Math.max(a.sampled(), b.sampled()), Math.max(a.poolPeakSum(), b.poolPeakSum()),
                Math.max(a.afterGc(), b.afterGc()), a.samples() + b.samples(), a.gcCount() + b.gcCount(),
                a.gcMillis() + b.gcMillis());
    }

    private static void reportHeap(String name, HeapSampler.Peaks p) {
        Report.figure(name + ".sampled", p.sampled());
        Report.figure(name + ".poolPeakSum", p.poolPeakSum());
        Report.figure(name + ".afterGc", p.afterGc());
        Report.figure(name + ".samples", p.samples());
        Report.figure(name + ".gcCount", p.gcCount());
        Report.figure(name + ".gcMillis", p.gcMillis());
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
