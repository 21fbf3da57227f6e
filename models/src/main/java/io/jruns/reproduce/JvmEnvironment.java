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
        RunEnvironment.Java java = new RunEnvironment.Java(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.name"), System.getProperty("java.vm.name"), System.getProperty("java.home"));
        RunEnvironment.Jvm jvm = new RunEnvironment.Jvm(SecretOptions.redacted(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory());
        RunEnvironment.Os os = new RunEnvironment.Os(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        RunEnvironment.Machine machine = new RunEnvironment.Machine(Runtime.getRuntime().availableProcessors(), memory());
        return new RunEnvironment(Instant.now().toString(), java, jvm, os, machine, kernel, libraries);
    }

    /** The plain-program environment: JVM facts, and the class path's jars as libraries. */
    public static RunEnvironment ofProgram() {
        return capture(null, ClasspathLibraries.ofClassPath());
    }

    private static Long memory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        return null;
    }
}
