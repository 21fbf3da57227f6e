package io.jruns.internal.files;

import io.jruns.domain.FileInfo;
import io.jruns.domain.JrunsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's artifacts as files under its own folder, in the embedded store or a folder being
 * imported. Every relative path a caller gives is checked so it stays inside that folder: no
 * absolute paths, no '..', and no symlink on the way that leads out.
 */
public final class ArtifactFolder {
    private ArtifactFolder() {
    }

    /** Resolves a caller's artifact path (may be empty) under {@code root}, or refuses it. */
    public static Path resolve(Path root, String relative) {
        Path literal = literal(root, relative);
        if (literal != null) return literal;
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

    /**
     * A file whose own name has a backslash, which Linux and macOS allow (MLflow makes such
     * artifacts there): the path as its name reads, when that file is there. Otherwise a
     * backslash is a folder separator (a path written on Windows), as before.
     */
    private static Path literal(Path root, String relative) {
        if (relative == null || relative.indexOf('\\') < 0 || java.io.File.separatorChar != '/') return null;
        if (relative.startsWith("/") || java.util.Arrays.asList(relative.split("[/\\\\]")).contains("..")) return null;
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return null;
        checkNoLinkOut(root, p, relative);
        return p;
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
    public static Path existing(Path root, String runId, String path) {
        Path p = resolve(root, path);
        if (!Files.exists(p)) throw JrunsException.notFound("run '" + runId + "' has no artifact '" + path + "'");
        return p;
    }

    public static List<FileInfo> list(Path root, String path) {
        return list(root, path, link -> { });
    }

    /** The folder's entries; a link leading out of the run is left out and its path given to {@code skipped}. */
    public static List<FileInfo> list(Path root, String path, Consumer<String> skipped) {
        Path dir = resolve(root, path);
        List<FileInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> children = Files.list(dir)) {
            Path realRoot = root.toRealPath();
            for (Path child : children.sorted().toList()) {
                // A link leading out of the run is not the run's: neither listed nor readable.
                // joined with '/' whatever the separator: a backslash inside a name stays (see literal)
                String rel = StreamSupport.stream(root.relativize(child).spliterator(), false).map(Path::toString)
                        .collect(java.util.stream.Collectors.joining("/"));
                if (Files.isSymbolicLink(child) && !leadsInside(child, realRoot)) {
                    skipped.accept(rel);
                    continue;
                }
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

    public static String join(String dir, String name) {
        return dir == null || dir.isEmpty() ? name : dir.replaceAll("/+$", "") + "/" + name;
    }
}
