package io.jruns.reproduce;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;
import java.util.List;

/** Captures the facts any JVM can tell about itself; the kernel adds its own and its libraries. */
public final class JvmEnvironment {
    private JvmEnvironment() {
    }

    public static RunEnvironment capture(RunEnvironment.Kernel kernel, List<Library> libraries) {
        return capture(kernel, libraries, List.of());
    }

    private static RunEnvironment capture(RunEnvironment.Kernel kernel, List<Library> libraries, List<String> classPath) {
        RunEnvironment.Java java = new RunEnvironment.Java(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.name"), System.getProperty("java.vm.name"), System.getProperty("java.home"));
        RunEnvironment.Jvm jvm = new RunEnvironment.Jvm(SecretOptions.redacted(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory(), classPath);
        RunEnvironment.Os os = new RunEnvironment.Os(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        RunEnvironment.Machine machine = new RunEnvironment.Machine(Runtime.getRuntime().availableProcessors(), memory());
        return new RunEnvironment(Instant.now().toString(), java, jvm, os, machine, kernel, libraries);
    }

    /** The plain-program environment: JVM facts, its class path, and the class path's jars as libraries. */
    public static RunEnvironment ofProgram() {
        return capture(null, ClasspathLibraries.ofClassPath(), classPath());
    }

    /** {@code java.class.path} with each entry absolute: running the program again from elsewhere needs them so. */
    static List<String> classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(JvmEnvironment::absolute).toList();
    }

    private static String absolute(String entry) {
        try {
            return java.nio.file.Path.of(entry).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return entry; // kept as given: still what the program had
        }
    }

    private static Long memory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        return null;
    }
}
