package io.jruns.reproduce;

import io.jruns.source.FileDigest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Libraries read off jars: Maven coordinates from a jar's {@code META-INF/maven/.../pom.properties},
 * else the jar with its SHA-256. What a plain Java program can say about its libraries.
 */
public final class ClasspathLibraries {
    private static volatile List<Library> classPath;

    private ClasspathLibraries() {
    }

    /** The jars of {@code java.class.path} (read once per JVM; folders are skipped). */
    public static List<Library> ofClassPath() {
        List<Library> c = classPath;
        if (c != null) return c;
        List<Library> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) out.add(of(p, null));
        }
        classPath = List.copyOf(out);
        return classPath;
    }

    /** The library a jar is: its Maven coordinates when it says them, else the file and its hash. */
    public static Library of(Path jar, String origin) {
        return coordinates(jar).map(Library::maven)
                .orElseGet(() -> Library.jar(jar.toString(), FileDigest.sha256(jar), origin));
    }

    /** The jar a class came from, when it came from a jar (not a folder, not a source file). */
    public static Optional<Path> jarOf(Class<?> type) {
        return codeSource(type).filter(ClasspathLibraries::isJar);
    }

    /**
     * The source file a class was compiled from in memory, when it comes from a single-file
     * program ({@code java File.java}): the launcher gives the {@code .java} file as its code source.
     * Such a class exists in that program only, so no library can bring it back.
     */
    public static Optional<Path> sourceFileOf(Class<?> type) {
        return codeSource(type).filter(p -> Files.isRegularFile(p) && !isJar(p));
    }

    private static Optional<Path> codeSource(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return Optional.empty();
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (Exception e) {
            return Optional.empty(); // a class defined in memory (JShell) or by an unusual loader
        }
    }

    /** Whether a file is a jar (a zip), whatever its name: only that can go on a class path. */
    static boolean isJar(Path p) {
        if (!Files.isRegularFile(p)) return false;
        try (JarFile ignored = new JarFile(p.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code group:artifact:version} from the jar's pom.properties; with several, the one named like the jar. */
    public static Optional<String> coordinates(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            List<String> found = new ArrayList<>();
            for (JarEntry e : f.stream().toList()) {
                String n = e.getName();
                if (!n.startsWith("META-INF/maven/") || !n.endsWith("/pom.properties")) continue;
                Properties p = new Properties();
                try (InputStream in = f.getInputStream(e)) {
                    p.load(in);
                }
                String g = p.getProperty("groupId"), a = p.getProperty("artifactId"), v = p.getProperty("version");
                if (g != null && a != null && v != null) found.add(g + ":" + a + ":" + v);
            }
            String name = jar.getFileName().toString();
            return found.stream().filter(c -> name.startsWith(c.split(":")[1] + "-")).findFirst()
                    .or(() -> found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
