package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;

/**
 * A client's artifact path, checked before any store sees it: relative, '/'-separated, with no
 * '..' or '.' parts, no backslash, no drive letter and no control characters, so it can only
 * name something inside the run's artifact folder. (Stores check again; this is the API's own
 * promise, whatever store is underneath.)
 */
final class ArtifactPath {
    private ArtifactPath() {
    }

    /** The path with any trailing '/' removed; "" for the run's root. */
    static String check(String path) {
        if (path == null) return "";
        String p = path;
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.isEmpty()) return "";
        if (p.startsWith("/") || p.indexOf('\\') >= 0 || p.matches("^[A-Za-z]:.*")) throw outside(path);
        for (int i = 0; i < p.length(); i++) {
            if (Character.isISOControl(p.charAt(i))) throw outside(path);
        }
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) throw outside(path);
        }
        return p;
    }

    private static JrunsException outside(String path) {
        String shown = path.length() > 80 ? path.substring(0, 77) + "..." : path;
        return JrunsException.invalid("Invalid artifact path '" + shown.replaceAll("\\p{Cntrl}", "?")
                + "': it must be relative to the run's artifact folder, without '..', '.', '\\' or empty parts");
    }
}
