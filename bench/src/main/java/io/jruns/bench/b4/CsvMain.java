package io.jruns.bench.b4;

import io.jruns.bench.child.Report;
import io.jruns.bench.child.Stats;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.internal.manage.CsvExport;
import io.jruns.search.SearchRequest;
import io.jruns.store.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * B4's CSV export alone (child JVM), for quick before/after comparisons: no runs loaded into
 * memory and no baseline (ManageMain has both), so the bytes are checked by their SHA-256
 * instead, to compare with another build's. Usage: CsvMain CACHE_DIR ROUNDS
 */
public final class CsvMain {
    private CsvMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path home = SearchStore.ensure(cache);
        Path file = home.getParent().resolve("b4-runs-only.csv");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        long rows = 0;
        try (EmbeddedStore store = EmbeddedStore.inHome(home)) {
            String exp = store.getExperimentByName(SearchStore.EXPERIMENT).orElseThrow().experimentId();
            SearchRequest all = SearchRequest.builder().experiments(exp).maxResults(SearchRequest.MAX_RESULTS_LIMIT).build();
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                long c = os.getProcessCpuTime();
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                    rows = CsvExport.write(store, all, Long.MAX_VALUE, w, Progress.NONE);
                }
                wall[r] = (System.nanoTime() - t) / 1e6;
                cpu[r] = (os.getProcessCpuTime() - c) / 1e6;
                Report.progress(String.format("csv round %d: %.0f ms (CPU %.0f ms)", r + 1, wall[r], cpu[r]));
            }
        }
        Report.progress("csv sha-256 " + sha256(file) + ", " + Files.size(file) + " bytes");
        Report.figure("b4.csv.rows", rows);
        Report.figure("b4.csv.bytes", Files.size(file));
        Report.stats("b4.csv.jruns", Stats.of(wall));
        Report.stats("b4.csv.cpu", Stats.of(cpu));
        Files.deleteIfExists(file);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) > 0; ) md.update(b, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
