package io.jruns.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The git state of a plain Java program's code, found from its {@code mlflow.source.name}: the
 * source file it was started from ({@code java Train.java}, with untracked when no commit holds
 * it), else the folder of its jar, or of its main class's class folder or jar. When that folder
 * is in no repository (a jar installed elsewhere), the working folder's repository stands in.
 */
public final class ProgramGit {
    /** Read once per process: a program's code does not move while it runs, and git takes a few ms. */
    private static volatile Optional<GitInfo> cached;

    private ProgramGit() {
    }

    public static Optional<GitInfo> of(String sourceName) {
        Optional<GitInfo> g = cached;
        if (g == null) {
            g = read(sourceName, Path.of(System.getProperty("user.dir", "")), ClassLoader.getSystemClassLoader());
            cached = g;
        }
        return g;
    }

    static Optional<GitInfo> read(String sourceName, Path workDir, ClassLoader loader) {
        Optional<Path> file = path(sourceName).filter(Files::isRegularFile);
        if (file.isPresent() && sourceName.endsWith(".java")) return GitInfo.of(file.get());
        Optional<Path> code = file.isPresent() ? file.map(Path::getParent) : classFolder(sourceName, loader);
        return code.flatMap(GitInfo::ofFolder).or(() -> GitInfo.ofFolder(workDir));
    }

    private static Optional<Path> path(String name) {
        try {
            Path p = Path.of(name);
            return p.isAbsolute() ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The class folder holding the main class, or the folder of its jar; not loaded, so nothing runs. */
    private static Optional<Path> classFolder(String className, ClassLoader loader) {
        try {
            var source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException | java.net.URISyntaxException e) {
            return Optional.empty(); // not a class name (`java` alone), or a class from an unusual loader
        }
    }
}
