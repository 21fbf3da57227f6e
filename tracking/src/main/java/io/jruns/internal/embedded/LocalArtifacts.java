package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.internal.files.ArtifactFolder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Copies files into a run's artifact folder, each destination checked by {@link ArtifactFolder}. */
final class LocalArtifacts {
    private LocalArtifacts() {
    }

    static void copyIn(Path root, Path local, String artifactPath) {
        if (!Files.exists(local)) throw JrunsException.invalid("no such file or directory: " + local);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot make the run's artifact folder " + root + ": "
                    + (e instanceof AccessDeniedException ? "this user may not write there" : e.toString()), e);
        }
        Path dest = ArtifactFolder.resolve(root, artifactPath);
        try {
            if (Files.isDirectory(local)) {
                refuseSpecialFiles(local);
                copyTree(root, local, artifactPath);
            } else {
                refuseBackslash(local, local);
                Files.createDirectories(dest);
                Path file = ArtifactFolder.resolve(root, ArtifactFolder.join(artifactPath, local.getFileName().toString()));
                Files.copy(local, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot copy artifact " + local + ": " + e, e);
        }
    }

    /**
     * A socket, pipe or device in the tree cannot be copied, nor a name with a backslash: said
     * before anything is, so a failed copy leaves no half of the folder in the run.
     */
    private static void refuseSpecialFiles(Path src) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(src)) refuseBackslash(src, dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                refuseBackslash(src, file);
                boolean other = attrs.isOther() || attrs.isSymbolicLink() && !Files.isRegularFile(file) && !Files.isDirectory(file);
                if (other) {
                    throw JrunsException.invalid("cannot log " + src + " as artifacts: " + file
                            + " is not a regular file (a socket, pipe, device or broken link); nothing was copied");
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Artifact paths take a backslash for '/' (a path given on Windows), so a file named with one
     * (Linux and macOS allow it) would land in a folder that is not there: refused, naming it.
     */
    private static void refuseBackslash(Path logged, Path file) {
        if (file.getFileName().toString().indexOf('\\') < 0) return;
        String why = " a '\\', which artifact paths read as a folder separator; rename it";
        throw JrunsException.invalid(logged.equals(file) ? "cannot log " + file + " as an artifact: its name has" + why
                : "cannot log " + logged + " as artifacts: the name of " + file + " has" + why + "; nothing was copied");
    }

    /**
     * Copies a tree; links inside it are copied as what they point to, never as links. Each
     * destination is checked like a caller's path, so a link already in the run cannot
     * carry the copy out of it.
     */
    private static void copyTree(Path root, Path src, String artifactPath) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target(file), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path p) {
                String rel = src.relativize(p).toString().replace('\\', '/');
                return ArtifactFolder.resolve(root, rel.isEmpty() ? artifactPath : ArtifactFolder.join(artifactPath, rel));
            }
        });
    }

}
