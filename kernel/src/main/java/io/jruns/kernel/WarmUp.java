package io.jruns.kernel;

import io.jruns.kernel.channel.KernelConnection;
import io.jruns.kernel.eval.JShellEvaluator;
import io.jruns.kernel.eval.SourceRef;
import io.jruns.Jruns;
import io.jruns.domain.RunStatus;
import io.jruns.magics.registry.MagicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code KernelMain --warm-up}: loads the classes a kernel session uses (messaging, JShell,
 * javac) and exits. Run with {@code -XX:ArchiveClassesAtExit} it produces the CDS archive
 * that makes later kernel starts faster.
 */
final class WarmUp {
    private WarmUp() {
    }

    static void run() throws Exception {
        JrunsKernel kernel = new JrunsKernel(KernelOptions.builder().loadExtensions(false).build());
        messaging(kernel);
        kernel.getRenderer().render(42);
        try (JShellEvaluator ev = JShellEvaluator.createWithJvmClasspath()) {
            // as a kernel does: imports deferred, a first cell that runs only the one it names, then the rest
            ev.defer(JrunsKernel.DEFAULT_IMPORTS, (code, failure) -> { });
            ev.eval("List<Integer> warm = new ArrayList<>(List.of(1 + 1));\nString s = \"x\" + warm;\ns.length()",
                    SourceRef.of("warm-up"));
            ev.runDeferred();
            ev.analysis().complete("Integer.MAX_V", 13);
            ev.analysis().isComplete("for (int i = 0; i < 3; i++) {");
        }
        try {
            warmTracking(kernel);
        } catch (Exception | LinkageError e) {
            // the archive still holds the rest: a kernel without these classes is only slower
            System.err.println("warm-up: the run on a throw-away store failed: " + e);
        }
    }

    /**
     * A spare's warm-up ({@link SpareMain}): what its launch would otherwise wait for, on the
     * kernel it will hand over. The first expression compile runs in a JShell of its own, so the
     * notebook's holds nothing its cells did not write.
     */
    static void spare(JrunsKernel kernel) throws Exception {
        messaging(null);
        JShellEvaluator ev = kernel.evaluator();
        while (ev.hasDeferred()) {
            Thread.sleep(5); // the default imports, evaluated in the background by the kernel
        }
        try (JShellEvaluator scratch = JShellEvaluator.createWithJvmClasspath()) {
            scratch.eval("String warm = \"x\" + java.util.List.of(1 + 1);\nwarm.length()", SourceRef.of("spare"));
        }
        System.gc(); // the scratch JShell's garbage: G1 gives the freed heap back while the spare waits
    }

    /** Binds and closes a real connection on loopback: jeromq, gson, jjava, the HMAC's JCA providers. */
    private static void messaging(JrunsKernel handler) throws Exception {
        KernelConnection connection = new KernelConnection(new KernelConnectionProperties("127.0.0.1",
                freePort(), freePort(), freePort(), freePort(), freePort(), "tcp", "hmac-sha256", "warm-up"));
        if (handler != null) {
            handler.becomeHandlerForConnection(connection);
        }
        connection.connect();
        connection.close();
    }

    /**
     * The tracking side: a notebook's first run cell (store, magics, hooks, environment.json
     * through Jackson) on a throw-away store. About 1,100 classes that a first run cell
     * otherwise reads and verifies from their jars come from the archive then.
     */
    private static void warmTracking(JrunsKernel kernel) throws Exception {
        Path home = Files.createTempDirectory("jruns-warm-up");
        try {
            Jruns.setTrackingUri(home.toString());
            kernel.magics().run(kernel.magicHost(), MagicSpec.Kind.LINE, "run", "start", null);
            Jruns.logParam("alpha", 0.5);
            Jruns.logMetric("loss", 0.5);
            String runId = Jruns.activeRun().orElseThrow().runId();
            kernel.magics().run(kernel.magicHost(), MagicSpec.Kind.LINE, "run", "end", null);
            System.out.println("warm-up: run " + runId + " " + Jruns.client().getRun(runId).info().status());
        } finally {
            Jruns.endAllRuns(RunStatus.FINISHED);
            Jruns.flush();
            deleteTree(home);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
