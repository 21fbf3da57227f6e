package io.jruns.kernel.bench;

import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Start-up benchmark, ours beside ipykernel in the same run (not a test: figures vary by machine).
 * Installs the kernelspec (with its CDS archive) under target/bench-jupyter, then runs
 * src/test/python/startup_bench.py with /usr/bin/python3:
 *
 * <pre>
 * mvn -q -f kernel/pom.xml test-compile
 * java -cp "kernel/target/classes:kernel/target/test-classes:kernel/target/lib/*" \
 *     io.jruns.kernel.bench.StartupBenchmark [RUNS]     (run from the kernel/ folder's parent or kernel/)
 * </pre>
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path module = Path.of("kernel", "pom.xml").toFile().isFile() ? Path.of("kernel") : Path.of(".");
        Path prefix = module.resolve("target/bench-jupyter").toAbsolutePath();
        KernelSpecWriter.write(KernelSpec.builder().build(), prefix.resolve("share/jupyter/kernels/jruns"));
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/python3",
                module.resolve("src/test/python/startup_bench.py").toAbsolutePath().toString(),
                "--runs", String.valueOf(runs), "--magic-overhead", "jruns", "jruns", "python3"));
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        pb.environment().remove("JPY_SESSION_NAME");
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD);
        System.exit(pb.start().waitFor());
    }
}
