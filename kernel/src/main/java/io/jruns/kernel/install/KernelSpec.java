package io.jruns.kernel.install;

import io.jruns.kernel.home.KernelHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What goes into a kernelspec folder; build with {@link #builder()}, write with {@link KernelSpecWriter}. */
public final class KernelSpec {
    /**
     * C2 later (ten times its usual thresholds): while JShell first compiles, C2 compiling javac
     * takes the second of two cores; delayed, the first cell comes 0.12 s sooner (bench/kernel)
     * and a training loop still reaches C2 within its first few hundred thousand iterations.
     * Measured on 2 cores and left out: SerialGC (no gain) and C1 only (TieredStopAtLevel=1:
     * the first cell in 0.74 s, but long loops run at C1's speed). The CDS archive helps too
     * (see {@link ClassDataSharing}). Where Linux hands out huge pages on request, the builder adds
     * {@code -XX:+UseTransparentHugePages} (see {@link HugePages}).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=400000");

    private final String displayName;
    private final Path java;
    private final List<String> jvmOptions;
    private final List<Path> extraJars;
    private final Map<String, String> env;
    private final boolean classDataSharing;
    private final Path kernelHome;
    private final Path python;

    private KernelSpec(Builder b) {
        this.displayName = b.displayName;
        this.java = b.java;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.extraJars = List.copyOf(b.extraJars);
        this.env = Map.copyOf(b.env);
        this.classDataSharing = b.classDataSharing;
        this.kernelHome = b.kernelHome;
        this.python = b.python;
    }

    /** The java executable running this code: a kernel's default. */
    public static Path runningJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String displayName() {
        return displayName;
    }

    public Path java() {
        return java;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public List<Path> extraJars() {
        return extraJars;
    }

    public Map<String, String> env() {
        return env;
    }

    public boolean classDataSharing() {
        return classDataSharing;
    }

    public Path kernelHome() {
        return kernelHome;
    }

    /** The Python that hands launches to spare kernels ({@code launch.py}), or empty: Jupyter runs java itself. */
    public Optional<Path> python() {
        return Optional.ofNullable(python);
    }

    /** Builder for {@link KernelSpec}; every option has a working default. */
    public static final class Builder {
        private String displayName = "Java (jruns)";
        private Path java = runningJava();
        private final List<String> jvmOptions = defaultJvmOptions();
        private final List<Path> extraJars = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean classDataSharing = true;
        private Path kernelHome;
        private Path python = Launcher.defaultPython().orElse(null);

        public Builder displayName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("display name must not be blank");
            }
            this.displayName = name;
            return this;
        }

        /** The java executable the kernel runs on (default: the one running this code). */
        public Builder java(Path javaExecutable) {
            this.java = javaExecutable;
            return this;
        }

        /** Replaces the default JVM options. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions.clear();
            this.jvmOptions.addAll(options);
            return this;
        }

        public Builder jvmOption(String option) {
            this.jvmOptions.add(option);
            return this;
        }

        /** A jar for the kernel's class path (e.g. the magics and tracking jars, found as Extensions). */
        public Builder extraJar(Path jar) {
            this.extraJars.add(jar);
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        /** Whether to dump a class-data-sharing archive for faster starts (default true). */
        public Builder classDataSharing(boolean cds) {
            this.classDataSharing = cds;
            return this;
        }

        /** Where the kernel jar and lib/ come from (default: where this code runs from). */
        public Builder kernelHome(Path home) {
            this.kernelHome = home;
            return this;
        }

        /**
         * Whether Jupyter starts the kernel through {@code launch.sh}, which hands the launch to a
         * warm spare kernel when one waits (default: on where a Python 3 is found).
         */
        public Builder spare(boolean on) {
            this.python = on ? Launcher.defaultPython().orElseThrow(() -> new IllegalArgumentException(
                    "spare kernels need a python3 to launch them, and none was found")) : null;
            return this;
        }

        /** The Python that runs {@code launch.py}. */
        public Builder python(Path python3) {
            this.python = python3;
            return this;
        }

        private static List<String> defaultJvmOptions() {
            List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS);
            options.addAll(HugePages.options());
            return options;
        }

        public KernelSpec build() {
            if (kernelHome == null) {
                kernelHome = KernelHome.locate();
            }
            return new KernelSpec(this);
        }
    }
}
