package io.jruns.views.html;

import io.jruns.domain.Metric;
import io.jruns.internal.svg.Svg;
import io.jruns.views.format.Format;
import io.jruns.views.series.Downsample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A metric's history as a tiny inline SVG line (step across, value up). A long history is
 * thinned to each pixel column's lowest and highest point plus the first and last
 * ({@link Downsample}, as the UI's charts are), so a spike stays visible and the line stays
 * short; the label gives the number of points logged and says when the line is a sample.
 */
public final class Sparkline {
    static final int W = 100;
    static final int H = 22;
    /** Pixel columns the line spans (2 px margin each side). */
    static final int COLUMNS = W - 4;

    private Sparkline() {
    }

    /**
     * @param history the points, in any order, possibly already thinned by the caller (the UI
     *                reads each history once for its chart and the sparkline)
     * @param logged  how many points were logged (the metric's summary count)
     */
    public static String svg(List<Metric> history, long logged) {
        List<Metric> h = new ArrayList<>(history);
        h.removeIf(m -> !Double.isFinite(m.value()));
        if (h.isEmpty()) return "";
        h.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Metric m : h) {
            lo = Math.min(lo, m.value());
            hi = Math.max(hi, m.value());
        }
        List<Metric> drawn = Downsample.minMax(h, Metric::step, 2 * COLUMNS + 2);
        boolean sampled = drawn.size() < h.size() || history.size() < logged;
        String label = "history of " + Format.count(Math.max(logged, history.size()), "point")
                + (sampled ? ", sampled to " + drawn.size() + " (each pixel's lowest and highest)" : "");
        StringBuilder b = new StringBuilder("<svg class=\"jr-spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(Svg.esc(label)).append("\">");
        long s0 = h.get(0).step();
        long s1 = h.get(h.size() - 1).step();
        double x = W / 2.0;
        double y = H / 2.0;
        if (s0 != s1) {
            StringBuilder d = new StringBuilder(drawn.size() * 10);
            for (Metric m : drawn) {
                x = 2 + (m.step() - s0) / (double) (s1 - s0) * COLUMNS;
                y = hi > lo ? H - 3 - (m.value() - lo) / (hi - lo) * (H - 6) : H / 2.0;
                d.append(d.length() == 0 ? "M" : "L").append(Svg.n(x)).append(' ').append(Svg.n(y));
            }
            b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.4\" "
                    + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
        }
        b.append("<circle cx=\"").append(Svg.n(x)).append("\" cy=\"").append(Svg.n(y)).append("\" r=\"2\" fill=\"currentColor\"/>");
        return b.append("</svg>").toString();
    }
}
