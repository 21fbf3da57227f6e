package io.jruns.kernel.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a path pattern ({@code lib/*.jar}, {@code libs/**.jar}, {@code ~/x.jar}) against a
 * base directory. A plain directory stands for the jars directly in it.
 */
public final class Globs {
    private Globs() {
    }

    public static List<Path> expand(String pattern, Path base) {
        String p = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int firstGlob = indexOfGlob(p);
        if (firstGlob < 0) {
            Path path = base.resolve(p).normalize();
            if (Files.isDirectory(path)) {
                return list(path, 1, FileSystems.getDefault().getPathMatcher("glob:*.jar"), path);
            }
            return Files.exists(path) ? List.of(path) : List.of();
        }
        int cut = p.lastIndexOf('/', firstGlob);
        Path root = base.resolve(cut < 0 ? "." : (cut == 0 ? "/" : p.substring(0, cut))).normalize();
        String rest = p.substring(cut + 1);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        return list(root, depth, FileSystems.getDefault().getPathMatcher("glob:" + rest), root);
    }

    private static List<Path> list(Path root, int depth, PathMatcher matcher, Path relativeTo) {
        try (Stream<Path> files = Files.walk(root, depth)) {
            List<Path> out = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(relativeTo.relativize(f)))
                    .sorted()
                    .forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static int indexOfGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
