package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's artifacts as files under its own folder. Every relative path a caller gives is
 * checked so it stays inside that folder: no absolute paths, no '..', and no symlink on the
 * way that leads out.
 */
final class LocalArtifacts {
    private LocalArtifacts() {
    }

    /** Resolves a caller's artifact path (may be empty) under {@code root}, or refuses it. */
    static Path resolve(Path root, String relative) {
        String rel = relative == null ? "" : relative.replace('\\', '/');
        if (rel.startsWith("/") || rel.matches("^[A-Za-z]:.*")) {
            throw JrunsException.invalid("artifact path '" + relative + "' must be relative to the run");
        }
        for (String seg : rel.split("/")) {
            if (seg.equals("..")) {
                throw JrunsException.invalid("artifact path '" + relative + "' must not contain '..'");
            }
        }
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root)) {
            throw JrunsException.invalid("artifact path '" + relative + "' leaves the run's artifact folder");
        }
        checkNoLinkOut(root, target, relative);
        return target;
    }

    /** Walks from the root down to the target; any existing component must really be inside. */
    private static void checkNoLinkOut(Path root, Path target, String relative) {
        try {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            Path p = root;
            for (Path part : root.relativize(target)) {
                p = p.resolve(part);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) break;
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(realRoot)) {
                    throw JrunsException.invalid("artifact path '" + relative + "' goes through a link out of the run");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An artifact that must exist, for reading. */
    static Path existing(Path root, String runId, String path) {
        Path p = resolve(root, path);
        if (!Files.exists(p)) throw JrunsException.notFound("run '" + runId + "' has no artifact '" + path + "'");
        return p;
    }

    static void copyIn(Path root, Path local, String artifactPath) {
        if (!Files.exists(local)) throw JrunsException.invalid("no such file or directory: " + local);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dest = resolve(root, artifactPath);
        try {
            if (Files.isDirectory(local)) {
                copyTree(root, local, artifactPath);
            } else {
                Files.createDirectories(dest);
                Path file = resolve(root, join(artifactPath, local.getFileName().toString()));
                Files.copy(local, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JrunsException(JrunsException.Code.INTERNAL_ERROR, "cannot copy artifact " + local + ": " + e, e);
        }
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
                return resolve(root, rel.isEmpty() ? artifactPath : join(artifactPath, rel));
            }
        });
    }

    static List<FileInfo> list(Path root, String path) {
        Path dir = resolve(root, path);
        List<FileInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> children = Files.list(dir)) {
            Path realRoot = root.toRealPath();
            for (Path child : children.sorted().toList()) {
                // A link leading out of the run is not the run's: neither listed nor readable.
                if (Files.isSymbolicLink(child) && !leadsInside(child, realRoot)) continue;
                String rel = root.relativize(child).toString().replace('\\', '/');
                boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
                out.add(new FileInfo(rel, isDir, isDir ? null : Files.size(child)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean leadsInside(Path link, Path realRoot) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException dangling) {
            return false;
        }
    }

    static String join(String dir, String name) {
        return dir == null || dir.isEmpty() ? name : dir.replaceAll("/+$", "") + "/" + name;
    }
}
