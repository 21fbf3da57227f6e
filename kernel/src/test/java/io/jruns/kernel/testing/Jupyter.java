package io.jruns.kernel.testing;

import io.jruns.kernel.install.JdkOptions;
import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Jupyter for the ITs: Debian's /usr/bin/jupyter and /usr/bin/python3 (a pyenv python
 * first on PATH lacks the modules), and our kernelspec written once per test JVM into
 * {@code target/it-jupyter/share/jupyter/kernels/jruns}, with its CDS archive, as a user gets it.
 */
public final class Jupyter {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    public static final String KERNEL_NAME = "jruns";
    private static Path prefix;
    private static final Set<String> WRITTEN = new HashSet<>();

    private Jupyter() {
    }

    /** The prefix whose {@code share/jupyter} holds the jruns kernelspec; installs it on first use. */
    public static synchronized Path prefix() throws IOException {
        if (!Files.isExecutable(JUPYTER) || !Files.isExecutable(PYTHON)) {
            throw new IllegalStateException("Jupyter is not installed: apt-get install jupyter-client jupyter-nbconvert "
                    + "python3-nbclient python3-nbformat jupyter-server jupyter-notebook python3-jupyter-kernel-test");
        }
        if (prefix == null) {
            Path p = Path.of("target", "it-jupyter").toAbsolutePath();
            KernelSpecWriter.write(KernelSpec.builder().build(), p.resolve("share/jupyter/kernels").resolve(KERNEL_NAME));
            prefix = p;
        }
        return prefix;
    }

    /**
     * A kernelspec like {@link #KERNEL_NAME}'s but running on another JDK, in the same prefix;
     * returns its name.
     */
    public static synchronized String kernelOn(Path java) throws IOException {
        String name = KERNEL_NAME + "-jdk" + JdkOptions.feature(java).orElseThrow();
        Path dir = prefix().resolve("share/jupyter/kernels").resolve(name);
        if (WRITTEN.add(name)) { // once per test JVM, as the default one: never a kernel of older code
            KernelSpecWriter.write(KernelSpec.builder().java(java).build(), dir);
        }
        return name;
    }

    /**
     * {@link #kernelOn} the newest JDK of release {@code atLeast} or later; where there is none,
     * the test is skipped (aborted), saying so.
     */
    public static String kernelOnJdk(int atLeast) throws IOException {
        Optional<Path> java = jdk(atLeast);
        Assumptions.assumeTrue(java.isPresent(), "no JDK " + atLeast + " or later in /usr/lib/jvm");
        return kernelOn(java.get());
    }

    /**
     * The newest JDK of feature release {@code atLeast} or later among the machine's
     * ({@code /usr/lib/jvm}), for what differs there; empty where there is none.
     */
    private static Optional<Path> jdk(int atLeast) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(jvms)) {
            return s.map(d -> d.resolve("bin/java")).filter(Files::isExecutable)
                    .filter(j -> JdkOptions.feature(j).orElse(0) >= atLeast)
                    .max(Comparator.comparing(j -> JdkOptions.feature(j).orElse(0)));
        }
    }

    /** A process environment that finds our kernel and nothing of the caller's notebook identity. */
    public static ProcessBuilder process(List<String> command, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix().resolve("share/jupyter").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in src/test/python
        env.remove("JPY_SESSION_NAME");
        env.remove("JRUNS_NOTEBOOK");
        return pb;
    }

    /** Output (stdout and stderr together) and exit code of a finished process. */
    public record Result(int exitCode, String output) { }

    public static Result run(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jupyter-it", ".log");
        try {
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(pb.command() + " did not finish in " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
