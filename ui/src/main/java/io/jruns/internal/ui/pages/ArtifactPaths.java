package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;

/**
 * An artifact path from a URL, checked before the store sees it: relative, '/'-separated, no
 * empty, '.' or '..' segment, no backslash or NUL. The store checks again (links out of the
 * run's folder); this keeps a page from ever asking it for anything outside the run.
 */
final class ArtifactPaths {
    private ArtifactPaths() {
    }

    static String check(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        if (raw.startsWith("/") || raw.indexOf('\\') >= 0 || raw.indexOf('\0') >= 0 || raw.matches("^[A-Za-z]:.*")) {
            throw JrunsException.invalid("artifact path '" + raw + "' must be relative to the run");
        }
        for (String seg : raw.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw JrunsException.invalid("artifact path '" + raw + "' must not contain empty, '.' or '..' parts");
            }
        }
        return raw;
    }

    /** The folder holding {@code path} ("" at the root). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The extension in lower case, "" for none. */
    static String extension(String path) {
        String n = name(path);
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
