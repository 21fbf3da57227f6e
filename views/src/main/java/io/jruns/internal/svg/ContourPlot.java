package io.jruns.internal.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric as a surface over two numeric params or metrics: inverse-distance weighting of
 * the runs on a grid, drawn as colour bands with isolines, a colour scale, and the runs as
 * points on top.
 */
public final class ContourPlot {
    static final int COLS = 60;
    static final int ROWS = 40;
    static final int LEVELS = 10;

    private ContourPlot() {
    }

    public static String render(List<PlotRun> runs, String xName, List<?> xs, String yName, List<?> ys,
                                String zName, List<Double> zs) {
        int width = 600;
        int height = 380;
        Frame f = new Frame(64, 22, width - 104, height - 46);
        List<Integer> ok = new ArrayList<>();
        Omitted omitted = new Omitted();
        Axis all = Axis.linear(List.of(0, 1), 0, 1); // numeric: says why a value has no place
        for (int r = 0; r < runs.size(); r++) {
            String why = Omitted.why(xName, numberOrNull(xs.get(r)), all);
            if (why == null) why = Omitted.why(yName, numberOrNull(ys.get(r)), all);
            if (why == null) why = Omitted.why(zName, zs.get(r), all);
            if (why == null) ok.add(r);
            else omitted.add(runs.get(r), why);
        }
        Svg svg = new Svg(width, (int) (height + omitted.height(width)), "Contour of " + zName + " over " + xName + " and " + yName
                + ", " + Omitted.count(ok.size(), runs.size()));
        Axis x = Axis.of(pick(xs, ok), f.left(), f.right(), true);
        Axis y = Axis.of(pick(ys, ok), f.bottom(), f.top(), true);
        double zlo = Double.POSITIVE_INFINITY;
        double zhi = Double.NEGATIVE_INFINITY;
        for (int r : ok) {
            zlo = Math.min(zlo, zs.get(r));
            zhi = Math.max(zhi, zs.get(r));
        }
        if (ok.size() >= 3 && distinctPositions(xs, ys, ok) >= 3) {
            surface(svg, f, x, y, xs, ys, zs, ok, zlo, zhi);
        }
        f.draw(svg, x, y, xName, yName);
        if (ok.size() < 3 || distinctPositions(xs, ys, ok) < 3) {
            svg.note((f.left() + f.right()) / 2, f.top() + 14, "a surface needs at least 3 runs at different "
                    + xName + ", " + yName + " with " + zName);
        }
        for (int r : ok) {
            svg.circle(x.pos(xs.get(r)), y.pos(ys.get(r)), 4, "fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.3\"",
                    runs.get(r).label() + "\n" + xName + " = " + ScatterPlot.text(xs.get(r)) + "\n" + yName + " = "
                            + ScatterPlot.text(ys.get(r)) + "\n" + zName + " = " + Num.label(zs.get(r)));
        }
        omitted.draw(svg, 8, height, width);
        if (!ok.isEmpty()) ColorBar.draw(svg, f.right() + 26, f.top() + 20, f.bottom() - f.top() - 40, Palette.SURFACE, zlo, zhi, zName);
        return svg.done();
    }

    private static void surface(Svg svg, Frame f, Axis x, Axis y, List<?> xs, List<?> ys, List<Double> zs,
                                List<Integer> ok, double zlo, double zhi) {
        double[] sx = new double[ok.size()];
        double[] sy = new double[ok.size()];
        double[] sz = new double[ok.size()];
        for (int k = 0; k < ok.size(); k++) {
            int r = ok.get(k);
            sx[k] = x.fraction(Axis.number(xs.get(r)));
            sy[k] = y.fraction(Axis.number(ys.get(r)));
            sz[k] = zs.get(r);
        }
        Idw idw = new Idw(sx, sy, sz);
        double cw = (f.right() - f.left()) / COLS;
        double ch = (f.bottom() - f.top()) / ROWS;
        double span = zhi > zlo ? zhi - zlo : 1;
        svg.raw("<g shape-rendering=\"crispEdges\">");
        for (int j = 0; j < ROWS; j++) {
            double fy = 1 - (j + 0.5) / ROWS; // row 0 is the top of the plot, the highest y
            int runStart = 0;
            int runBand = -1;
            for (int i = 0; i <= COLS; i++) {
                int band = i == COLS ? -2 : band(idw.at((i + 0.5) / COLS, fy), zlo, span);
                if (band != runBand) {
                    if (runBand >= 0) {
                        svg.rect(f.left() + runStart * cw, f.top() + j * ch, (i - runStart) * cw + 0.5, ch + 0.5,
                                "fill=\"" + Palette.SURFACE.at((runBand + 0.5) / LEVELS) + "\"");
                    }
                    runStart = i;
                    runBand = band;
                }
            }
        }
        svg.raw("</g>");
        double[][] nodes = new double[ROWS + 1][COLS + 1];
        for (int j = 0; j <= ROWS; j++) {
            for (int i = 0; i <= COLS; i++) nodes[j][i] = idw.at((double) i / COLS, 1 - (double) j / ROWS);
        }
        StringBuilder lines = new StringBuilder();
        for (int l = 1; l < LEVELS; l++) {
            lines.append(Isolines.path(nodes, zlo + span * l / LEVELS, f.left(), cw, f.top(), ch));
        }
        if (lines.length() > 0) svg.path(lines.toString(), "fill=\"none\" stroke=\"#fff\" stroke-opacity=\"0.55\" stroke-width=\"0.8\"", null);
    }

    private static int band(double z, double zlo, double span) {
        return Math.max(0, Math.min(LEVELS - 1, (int) Math.floor((z - zlo) / span * LEVELS)));
    }

    /** Params arrive as text ("0.01"); as numbers, so "NaN" and "inf" are named as such. */
    private static Object numberOrNull(Object v) {
        return v == null ? null : Axis.number(v);
    }

    private static List<Object> pick(List<?> values, List<Integer> ok) {
        List<Object> out = new ArrayList<>();
        for (int r : ok) out.add(values.get(r));
        return out;
    }

    private static int distinctPositions(List<?> xs, List<?> ys, List<Integer> ok) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r : ok) seen.add(Axis.number(xs.get(r)) + "," + Axis.number(ys.get(r)));
        return seen.size();
    }
}
