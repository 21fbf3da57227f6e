package io.jruns.reproduce;

import io.jruns.source.FileDigest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first cell of a clone: the run's libraries again ({@code %maven}, {@code %jars} with the
 * exact files) and its experiment, so the clone logs beside the original.
 */
final class SetupCell {
    private SetupCell() {
    }

    static List<String> lines(String runName, String runId, String experiment, List<Library> libraries, Consumer<String> progress) {
        List<String> lines = new ArrayList<>();
        lines.add("// Set up as run " + oneLine(runName) + " (" + runId + ") was: its libraries and its experiment."
                + " Added by jruns reproduce.");
        List<String> maven = libraries.stream().filter(Library::isMaven).map(Library::coordinates).distinct().toList();
        if (!maven.isEmpty()) lines.add("%maven " + String.join(" ", maven));
        for (Library jar : libraries.stream().filter(l -> !l.isMaven()).toList()) {
            Path p = Path.of(jar.path());
            if (!Files.isRegularFile(p)) {
                progress.accept("warning: jar " + p + " is gone: the clone's %jars line will fail until it is back");
            } else if (jar.sha256() != null && !jar.sha256().equals(FileDigest.sha256(p))) {
                progress.accept("warning: jar " + p + " changed since the run (SHA-256 differs)");
            }
            lines.add("%jars " + quote(jar.path()));
        }
        if (experiment != null) lines.add("%experiment " + quote(experiment));
        return lines;
    }

    /** A magic argument in double quotes, with backslashes and quotes escaped as the magics read them. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String s) {
        return s == null ? "" : "\"" + s.replaceAll("[\\r\\n]+", " ") + "\"";
    }
}
