package io.jruns.kernel.env;

import io.jruns.kernel.home.KernelVersion;
import io.jruns.kernel.classpath.ClasspathEntry;
import io.jruns.kernel.classpath.ClasspathLedger;
import io.jruns.reproduce.JvmEnvironment;
import io.jruns.reproduce.Library;
import io.jruns.reproduce.RunEnvironment;
import io.jruns.source.FileDigest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel's environment: what any JVM knows about itself, plus the kernel (its version,
 * kernelspec name and folder) and the libraries the notebook added: {@code %maven} coordinates
 * and {@code %jars} files with their SHA-256 (hashed once per file version).
 */
public final class KernelEnvironment {
    /** Set in kernel.json by {@code jruns install}: the kernelspec's name. */
    public static final String KERNELSPEC_ENV = "JRUNS_KERNELSPEC";

    private final ClasspathLedger ledger;
    private final Map<String, String> env;
    private final Path home;
    private final Map<Path, Digest> digests = new ConcurrentHashMap<>();

    private record Digest(long size, long modified, String sha256) { }

    public KernelEnvironment(ClasspathLedger ledger, Map<String, String> env, Path home) {
        this.ledger = ledger;
        this.env = Map.copyOf(env);
        this.home = home;
    }

    public RunEnvironment capture() {
        return JvmEnvironment.capture(kernel(), libraries());
    }

    public RunEnvironment.Kernel kernel() {
        String dir = home != null && Files.isRegularFile(home.resolve("kernel.json")) ? home.toString() : null;
        return new RunEnvironment.Kernel(kernelName(), KernelVersion.get(), dir);
    }

    /** The kernelspec this kernel was started as ({@code jruns} when kernel.json did not say). */
    public String kernelName() {
        String name = env.get(KERNELSPEC_ENV);
        return name == null || name.isBlank() ? "jruns" : name.strip();
    }

    /** {@code %maven} coordinates in order, then the jars {@code %jars} added, each with its hash. */
    public List<Library> libraries() {
        List<Library> out = new ArrayList<>();
        ledger.mavenCoordinates().forEach(c -> out.add(Library.maven(c)));
        for (ClasspathEntry e : ledger.entries()) {
            if (e.origin().startsWith("%jars") && Files.isRegularFile(e.path())) {
                out.add(Library.jar(e.path().toString(), sha256(e.path()), e.origin()));
            }
        }
        return out;
    }

    private String sha256(Path jar) {
        try {
            long size = Files.size(jar);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            Digest d = digests.get(jar);
            if (d == null || d.size() != size || d.modified() != modified) {
                d = new Digest(size, modified, FileDigest.sha256(jar));
                digests.put(jar, d);
            }
            return d.sha256();
        } catch (java.io.IOException e) {
            return null; // the jar went away since %jars: recorded without a hash
        }
    }
}
