package io.jruns.kernel.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jdk.jshell.JShell;

/**
 * What JShell's compiler sees of the kernel's class path, and when. javac indexes every jar of
 * its class path on the first compile: the kernel's 45 jars hold some 30,000 entries (fastutil
 * alone 12,800, icu4j 5,600), which on a cold JVM was about a sixth of the time to the first
 * cell's result. User code names jruns's own API, the notebook functions and tablesaw's tables;
 * the rest are jruns's own dependencies. So the compiler starts with those ({@link Split#eager})
 * and gets the others ({@link Split#lazy}) the first time a cell does not compile without them:
 * such a cell had no effect, and is evaluated again (see JShellEvaluator). At run time every
 * class stays loadable either way: only the compiler's view is staged.
 */
final class CompileClasspath {
    /** File-name prefixes of the jars user code compiles against from the first cell. */
    private static final List<String> EAGER_PREFIXES = List.of("jruns-", "jjava-", "tablesaw-");

    record Split(List<String> eager, List<String> lazy) {
    }

    private CompileClasspath() {
    }

    /** Directories and the API jars first; when nothing qualifies, all of it at once, as before. */
    static Split split(List<String> classpath) {
        List<String> eager = new ArrayList<>();
        List<String> lazy = new ArrayList<>();
        for (String entry : classpath) {
            if (entry.isBlank()) continue;
            (isEager(entry) ? eager : lazy).add(entry);
        }
        return eager.isEmpty() ? new Split(List.copyOf(lazy), List.of()) : new Split(eager, lazy);
    }

    private static boolean isEager(String entry) {
        Path name = Path.of(entry).getFileName();
        if (name == null || !name.toString().endsWith(".jar")) return true; // a classes folder: the user's own
        return EAGER_PREFIXES.stream().anyMatch(name.toString()::startsWith);
    }

    /**
     * Builds a JShell whose compiler sees exactly {@code eager}. JShell takes its compiler's
     * class path from {@code java.class.path} when it is built and has no option to replace it
     * (a compiler option would undo every later {@code addToClasspath}), so the property holds
     * {@code eager} for the build and is put back right after.
     */
    static synchronized JShell build(Supplier<JShell> builder, List<String> eager) {
        String joined = String.join(File.pathSeparator, eager);
        String jvm = System.getProperty("java.class.path");
        JShell shell;
        System.setProperty("java.class.path", joined);
        try {
            shell = builder.get();
        } finally {
            if (jvm == null) System.clearProperty("java.class.path");
            else System.setProperty("java.class.path", jvm);
        }
        if (!joined.isEmpty()) shell.addToClasspath(joined); // the compiler's class path, set explicitly
        return shell;
    }
}
