package io.jruns.reproduce;

import io.jruns.ActiveRun;
import io.jruns.TrackingClient;
import io.jruns.domain.SystemTags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A run's {@code environment.json} artifact, and the few tags that summarise it. */
public final class EnvironmentArtifact {
    public static final String FILE = "environment.json";
    /** Set to {@code false} to keep runs free of environment.json (and its tags). */
    public static final String CAPTURE_ENV = "JRUNS_CAPTURE_ENVIRONMENT";
    /** The same switch as a system property (for a program that cannot set its environment). */
    public static final String CAPTURE_PROPERTY = "jruns.captureEnvironment";

    private EnvironmentArtifact() {
    }

    /** Whether runs of this process record their environment: on unless -Djruns.captureEnvironment=false or JRUNS_CAPTURE_ENVIRONMENT=false. */
    public static boolean enabled() {
        String v = System.getProperty(CAPTURE_PROPERTY, System.getenv(CAPTURE_ENV));
        return v == null || !v.strip().equalsIgnoreCase("false");
    }

    /** Stores the environment with the run, as {@code environment.json} at its artifact root. */
    public static void log(ActiveRun run, RunEnvironment env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jruns-env");
            Path file = Files.writeString(dir.resolve(FILE), EnvironmentJson.write(env));
            run.logArtifact(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + FILE + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                dir.resolve(FILE).toFile().delete();
                dir.toFile().delete();
            }
        }
    }

    /**
     * As {@link #log}, but a failure (a store that is down, a full disk) costs one warning line
     * on stderr instead of the run: recording the environment must never stop the work.
     */
    public static void logQuietly(ActiveRun run, java.util.function.Supplier<RunEnvironment> env) {
        try {
            log(run, env.get());
        } catch (RuntimeException e) {
            System.err.println("jruns: warning: could not record the environment of run " + run.runId() + ": " + e.getMessage());
        }
    }

    /** The run's recorded environment, when it has one. */
    public static Optional<RunEnvironment> read(TrackingClient reader, String runId) {
        boolean present = reader.listArtifacts(runId, "").stream().anyMatch(f -> !f.isDir() && f.path().equals(FILE));
        if (!present) return Optional.empty();
        try {
            return Optional.of(EnvironmentJson.read(Files.readString(reader.downloadArtifact(runId, FILE)), "run " + runId + "'s " + FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + " of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** A few searchable tags: {@code jruns.env.java}, {@code .os}, {@code .cpus}, {@code .heapMaxMb}, {@code .libraries}. */
    public static Map<String, String> tags(RunEnvironment env) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(SystemTags.ENV_JAVA, env.java().version() + " (" + env.java().vendor() + ")");
        t.put(SystemTags.ENV_OS, env.os().name() + " " + env.os().version() + " " + env.os().arch());
        t.put(SystemTags.ENV_CPUS, String.valueOf(env.machine().cpus()));
        t.put(SystemTags.ENV_HEAP_MAX_MB, String.valueOf(env.jvm().maxHeapBytes() / (1024 * 1024)));
        t.put(SystemTags.ENV_LIBRARIES, String.valueOf(env.libraries().size()));
        return t;
    }
}
