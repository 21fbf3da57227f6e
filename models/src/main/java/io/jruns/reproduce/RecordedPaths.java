package io.jruns.reproduce;

import io.jruns.domain.JrunsException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The paths a program run recorded (its source, repository folder, class path), checked before
 * anything is cloned: one that is no path here (a NUL in it) is refused in one line, not an
 * internal error after the clone is made.
 */
final class RecordedPaths {
    private RecordedPaths() {
    }

    static void check(String runId, String what, String path) {
        if (path == null) return;
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw JrunsException.invalid("run " + runId + "'s " + what + " " + RecordedGit.printable(path)
                    + " is not a path here (" + e.getReason() + "): nothing cloned");
        }
    }

    static void check(String runId, String what, List<String> paths) {
        paths.forEach(p -> check(runId, what, p));
    }

    /** A line for the terminal: a recorded value's control characters out, C1 (U+009B, a CSI) and bidi or other format ones (U+202E) too. */
    static String clean(String line) {
        return line.replaceAll("[\\p{Cc}\\p{Cf}]", "");
    }
}
