package io.jruns.internal.svg;

import java.util.Locale;

/**
 * Colours. {@link #LINES} is a blue-to-red scale without very light or very dark ends, so
 * lines stay visible on light and dark backgrounds; {@link #SURFACE} is a viridis-like scale
 * for filled areas; {@link #category} gives distinct colours for one line per run.
 */
public enum Palette {
    LINES(0x3f66c9, 0x2b98a8, 0x6aaa47, 0xd9a02c, 0xd3493f),
    SURFACE(0x46327e, 0x365c8d, 0x277f8e, 0x1fa187, 0x4ac16d, 0xa0da39, 0xf2e12a);

    private static final int[] CATEGORY = {0x3b7dd8, 0xe8833a, 0x3aa57a, 0xd6455d, 0x8c6bc8,
            0xb8951f, 0x2bb3c0, 0xd26fb0, 0x7f8c5a, 0x8a8a8a};
    private final int[] stops;

    Palette(int... stops) {
        this.stops = stops;
    }

    /** The colour at {@code t} in [0, 1] (clamped), as {@code #rrggbb}. */
    public String at(double t) {
        if (Double.isNaN(t)) t = 0.5;
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        return hex(mix(stops[i], stops[i + 1], f));
    }

    /** The i-th of ten distinct colours (then they repeat). */
    public static String category(int i) {
        return hex(CATEGORY[Math.floorMod(i, CATEGORY.length)]);
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
