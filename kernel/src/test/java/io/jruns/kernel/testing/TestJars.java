package io.jruns.kernel.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources with the JDK's compiler and packs them into a jar, for tests that load real jars. */
public final class TestJars {
    private TestJars() {
    }

    /**
     * @param sources class name (e.g. {@code demo.Greeter}) to source text
     * @param classpath jars the sources compile against
     */
    public static Path compileJar(Path jar, Map<String, String> sources, List<Path> classpath) throws IOException {
        return compileJar(jar, sources, classpath, Map.of());
    }

    /** As {@link #compileJar(Path, Map, List)}, plus resource files (path in the jar to content). */
    public static Path compileJar(Path jar, Map<String, String> sources, List<Path> classpath,
            Map<String, String> resources) throws IOException {
        Path work = Files.createTempDirectory("jruns-testjar");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test sources did not compile: " + sources.keySet());
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                j.putNextEntry(new JarEntry(r.getKey()));
                j.write(r.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        return jar;
    }
}
