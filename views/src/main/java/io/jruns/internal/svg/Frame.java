package io.jruns.internal.svg;

/**
 * The common parts of x/y plots: the plot area, gridlines, ticks and axis titles.
 * (left, top) to (right, bottom) is the area data is drawn in.
 */
record Frame(double left, double top, double right, double bottom) {
    static final String GRID = "stroke=\"currentColor\" stroke-opacity=\"0.12\"";
    static final String AXIS = "stroke=\"currentColor\" stroke-opacity=\"0.45\"";

    void draw(Svg svg, Axis x, Axis y, String xTitle, String yTitle) {
        for (Axis.Tick t : y.ticks(5)) {
            svg.line(left, t.pos(), right, t.pos(), GRID);
            svg.text(left - 6, t.pos() + 3.5, "end", "", Labels.clip(t.label(), 10));
        }
        for (Axis.Tick t : x.ticks(6)) {
            svg.line(t.pos(), top, t.pos(), bottom, GRID);
            svg.text(t.pos(), bottom + 14, "middle", "", Labels.clip(t.label(), 12));
        }
        svg.line(left, bottom, right, bottom, AXIS);
        svg.line(left, top, left, bottom, AXIS);
        svg.text((left + right) / 2, bottom + 32, "middle", "font-weight=\"600\"", Labels.clip(x.title(xTitle), 60));
        svg.text(14, (top + bottom) / 2, "middle",
                "font-weight=\"600\" transform=\"rotate(-90 14 " + Svg.n((top + bottom) / 2) + ")\"", Labels.clip(y.title(yTitle), 40));
    }
}
