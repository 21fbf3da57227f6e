package io.jruns.internal.svg;

/** Keeps labels short enough for the space they get; the full text stays in tooltips. */
public final class Labels {
    private Labels() {
    }

    /** The text cut to {@code max} characters with an ellipsis (on code points). */
    public static String clip(String s, int max) {
        if (s == null) return "";
        if (s.codePointCount(0, s.length()) <= max) return s;
        int end = s.offsetByCodePoints(0, Math.max(1, max - 1));
        return s.substring(0, end) + "\u2026";
    }
}
