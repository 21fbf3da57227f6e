package io.jruns.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An exported run folder appears complete or not at all: it is written as a hidden
 * {@code .<run>.partial} beside its place and renamed into it at the end. An export killed
 * mid-run leaves only the hidden folder, which import skips and names, so the run is not
 * imported as if complete (and then skipped as "already there" forever).
 */
final class RunFolders {
    private static final String PARTIAL = ".partial";

    private RunFolders() {
    }

    /** Where {@code runDir} is written before it is there; emptied of what a killed export left. */
    static Path partial(Path runDir) {
        Path p = partialOf(runDir);
        deleteTree(p);
        return p;
    }

    /** The hidden folder {@code runDir} is written in, by name only. */
    static Path partialOf(Path runDir) {
        return runDir.resolveSibling("." + runDir.getFileName() + PARTIAL);
    }

    static boolean isPartial(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith(".") && name.endsWith(PARTIAL) && name.length() > 1 + PARTIAL.length();
    }

    /** Puts the written folder in place of {@code runDir} (replacing an earlier export of the run) in one rename. */
    static void publish(Path partial, Path runDir) {
        deleteTree(runDir);
        try {
            Files.move(partial, runDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + partial + " to " + runDir, e);
        }
    }

    /** Writes {@code f} whole or not at all (a meta.yaml cut short would not read). */
    static void writeWhole(Path f, String text) {
        Path part = f.resolveSibling("." + f.getFileName() + PARTIAL);
        MlrunsFiles.write(part, text);
        try {
            Files.move(part, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + part + " to " + f, e);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + p, e);
        }
    }
}
