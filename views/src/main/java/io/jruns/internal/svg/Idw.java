package io.jruns.internal.svg;

/**
 * Inverse-distance weighting: the value at a point is the average of the samples weighted
 * by 1 / distance^2. Coordinates are scaled to [0, 1] first, so a param in thousands does
 * not outweigh one in thousandths. Exact at the samples, and never outside their range.
 */
final class Idw {
    private final double[] xs;
    private final double[] ys;
    private final double[] zs;

    /** Samples already scaled to [0, 1] on both axes. */
    Idw(double[] xs, double[] ys, double[] zs) {
        this.xs = xs;
        this.ys = ys;
        this.zs = zs;
    }

    double at(double x, double y) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < xs.length; i++) {
            double dx = x - xs[i];
            double dy = y - ys[i];
            double d2 = dx * dx + dy * dy;
            if (d2 < 1e-18) return zs[i];
            double w = 1 / d2;
            num += w * zs[i];
            den += w;
        }
        return num / den;
    }
}
