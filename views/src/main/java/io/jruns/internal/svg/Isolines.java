package io.jruns.internal.svg;

/**
 * Marching squares: the line segments where a grid of values crosses a level, as SVG path
 * data. Saddle cells are resolved by the cell's mean value.
 */
final class Isolines {
    private Isolines() {
    }

    /**
     * @param v    node values, v[row][col], (rows x cols)
     * @param x0   pixel x of column 0; {@code dx} pixels per column
     * @param y0   pixel y of row 0; {@code dy} pixels per row (may be negative)
     */
    static String path(double[][] v, double level, double x0, double dx, double y0, double dy) {
        StringBuilder d = new StringBuilder();
        for (int j = 0; j + 1 < v.length; j++) {
            for (int i = 0; i + 1 < v[j].length; i++) {
                double tl = v[j][i];
                double tr = v[j][i + 1];
                double br = v[j + 1][i + 1];
                double bl = v[j + 1][i];
                boolean a = tl >= level;
                boolean b = tr >= level;
                boolean c = br >= level;
                boolean e = bl >= level;
                if (a == b && b == c && c == e) continue;
                // crossing points on the top, right, bottom and left edges (NaN when none)
                double[] top = a != b ? pt(x0 + i * dx, y0 + j * dy, x0 + (i + 1) * dx, y0 + j * dy, tl, tr, level) : null;
                double[] right = b != c ? pt(x0 + (i + 1) * dx, y0 + j * dy, x0 + (i + 1) * dx, y0 + (j + 1) * dy, tr, br, level) : null;
                double[] bottom = e != c ? pt(x0 + i * dx, y0 + (j + 1) * dy, x0 + (i + 1) * dx, y0 + (j + 1) * dy, bl, br, level) : null;
                double[] left = a != e ? pt(x0 + i * dx, y0 + j * dy, x0 + i * dx, y0 + (j + 1) * dy, tl, bl, level) : null;
                if (top != null && right != null && bottom != null && left != null) {
                    boolean centre = (tl + tr + br + bl) / 4 >= level;
                    if (a != centre) seg(d, top, left);
                    if (b != centre) seg(d, top, right);
                    if (c != centre) seg(d, right, bottom);
                    if (e != centre) seg(d, bottom, left);
                    continue;
                }
                double[] p = null;
                for (double[] q : new double[][]{top, right, bottom, left}) {
                    if (q == null) continue;
                    if (p == null) p = q;
                    else seg(d, p, q);
                }
            }
        }
        return d.toString();
    }

    private static double[] pt(double x1, double y1, double x2, double y2, double v1, double v2, double level) {
        double t = v1 == v2 ? 0.5 : (level - v1) / (v2 - v1);
        return new double[]{x1 + t * (x2 - x1), y1 + t * (y2 - y1)};
    }

    private static void seg(StringBuilder d, double[] p, double[] q) {
        d.append('M').append(Svg.n(p[0])).append(' ').append(Svg.n(p[1]))
                .append('L').append(Svg.n(q[0])).append(' ').append(Svg.n(q[1]));
    }
}
