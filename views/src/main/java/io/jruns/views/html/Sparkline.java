package io.jruns.views.html;

import io.jruns.internal.svg.Svg;
import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A metric's history as a tiny inline SVG line (step across, value up), thinned to its width. */
public final class Sparkline {
    static final int W = 100;
    static final int H = 22;

    private Sparkline() {
    }

    public static String svg(List<Metric> history) {
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
        long s0 = h.get(0).step();
        long s1 = h.get(h.size() - 1).step();
        StringBuilder b = new StringBuilder("<svg class=\"jr-spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"history of ").append(h.size()).append(" points\">");
        double x = 0;
        double y = 0;
        if (h.size() == 1 || s0 == s1) {
            x = W / 2.0;
            y = H / 2.0;
        } else {
            StringBuilder d = new StringBuilder();
            int column = -1;
            for (Metric m : h) {
                x = 2 + (m.step() - s0) / (double) (s1 - s0) * (W - 4);
                y = hi > lo ? H - 3 - (m.value() - lo) / (hi - lo) * (H - 6) : H / 2.0;
                int c = (int) (x * 2); // at most two points per pixel
                if (c == column && m != h.get(h.size() - 1)) continue;
                column = c;
                d.append(d.length() == 0 ? "M" : "L").append(Svg.n(x)).append(' ').append(Svg.n(y));
            }
            b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.4\" "
                    + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");
        }
        b.append("<circle cx=\"").append(Svg.n(x)).append("\" cy=\"").append(Svg.n(y)).append("\" r=\"2\" fill=\"currentColor\"/>");
        return b.append("</svg>").toString();
    }
}
