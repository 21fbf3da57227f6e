package io.jruns.internal.svg;

/**
 * A vertical colour scale with its title and ticks, drawn as stacked rectangles (no
 * gradient ids, which clash or get stripped when several plots share a page).
 */
public final class ColorBar {
    static final int STEPS = 24;

    private ColorBar() {
    }

    /** Draws the bar at (x, y), {@code h} tall; high values at the top. */
    public static void draw(Svg svg, double x, double y, double h, Palette palette, double lo, double hi, String title) {
        double w = 10;
        double step = h / STEPS;
        for (int i = 0; i < STEPS; i++) {
            double t = (i + 0.5) / STEPS;
            svg.rect(x, y + h - (i + 1) * step, w, step + 0.6, "fill=\"" + palette.at(t) + "\"");
        }
        svg.rect(x, y, w, h, "fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.3\"");
        svg.text(x - 2, y - 8, "start", "font-weight=\"600\"", Labels.clip(title, 14));
        if (!(hi > lo)) {
            svg.text(x + w + 4, y + h / 2 + 4, "start", "", Num.label(lo));
            return;
        }
        for (double t : Ticks.of(lo, hi, 5)) {
            double py = y + h - (t - lo) / (hi - lo) * h;
            svg.line(x + w, py, x + w + 3, py, "stroke=\"currentColor\" stroke-opacity=\"0.5\"");
            svg.text(x + w + 5, py + 3.5, "start", "", Num.label(t));
        }
    }
}
