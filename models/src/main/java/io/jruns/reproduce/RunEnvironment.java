package io.jruns.reproduce;

import java.util.List;

/**
 * What a run ran on, captured at its start and stored as its {@code environment.json}: the
 * Java runtime, the JVM's options and heap, the operating system and machine, the kernel (for
 * notebook runs) and the libraries the code added.
 *
 * @param kernel null for a run from a plain Java program
 */
public record RunEnvironment(String capturedAt, Java java, Jvm jvm, Os os, Machine machine, Kernel kernel,
                             List<Library> libraries) {
    public static final int FORMAT = 1;

    public RunEnvironment {
        libraries = List.copyOf(libraries);
    }

    public record Java(String version, String vendor, String runtime, String vm, String home) { }

    /**
     * @param options   the JVM's input arguments, as {@code RuntimeMXBean} reports them
     * @param classPath a plain program's class path, each entry absolute (what running it again
     *                  needs); empty for a kernel, whose libraries say what its code added
     */
    public record Jvm(List<String> options, long maxHeapBytes, List<String> classPath) {
        public Jvm {
            options = List.copyOf(options);
            classPath = List.copyOf(classPath);
        }

        public Jvm(List<String> options, long maxHeapBytes) {
            this(options, maxHeapBytes, List.of());
        }
    }

    public record Os(String name, String version, String arch) { }

    /** @param memoryBytes total physical memory; null when the JVM cannot tell */
    public record Machine(int cpus, Long memoryBytes) { }

    /**
     * @param name        the kernelspec name ({@code JRUNS_KERNELSPEC}, set by {@code jruns install})
     * @param resourceDir the kernelspec folder the kernel ran from, when it ran from one
     */
    public record Kernel(String name, String version, String resourceDir) { }

    public List<Library> maven() {
        return libraries.stream().filter(Library::isMaven).toList();
    }

    public List<Library> jars() {
        return libraries.stream().filter(l -> !l.isMaven()).toList();
    }
}
