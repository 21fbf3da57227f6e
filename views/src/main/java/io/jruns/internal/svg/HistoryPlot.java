package io.jruns.internal.svg;

import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A metric against step, one line per run, with a legend. Long histories are thinned to
 * the lowest and highest point per pixel column, which keeps their shape at a fraction of
 * the size. NaN and infinite values leave a gap.
 */
public final class HistoryPlot {
    static final int LEGEND_ROWS = 14;

    private HistoryPlot() {
    }

    public static String render(List<PlotRun> runs, String metric, List<List<Metric>> histories) {
        int width = 680;
        int height = 360;
        Frame f = new Frame(64, 16, width - 190, height - 46);
        List<Object> steps = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Omitted omitted = new Omitted();
        for (int r = 0; r < runs.size(); r++) {
            int finite = 0;
            for (Metric m : histories.get(r)) {
                if (!Double.isFinite(m.value())) continue;
                steps.add((double) m.step());
                values.add(m.value());
                finite++;
            }
            if (finite == 0) omitted.add(runs.get(r), histories.get(r).isEmpty() ? "no " + metric
                    : "every " + metric + " is NaN or infinite");
        }
        Svg svg = new Svg(width, (int) (height + omitted.height(width)),
                metric + " by step for " + Omitted.count(runs.size() - omitted.size(), runs.size()));
        Axis x = Axis.of(steps, f.left(), f.right(), true, false); // steps read best as they are
        Axis y = Axis.of(values, f.bottom(), f.top(), true);
        f.draw(svg, x, y, "step", metric);
        if (values.isEmpty()) svg.note((f.left() + f.right()) / 2, (f.top() + f.bottom()) / 2, "no run logged " + metric);
        svg.raw("<g fill=\"none\" stroke-width=\"1.8\" stroke-linejoin=\"round\">");
        for (int r = 0; r < runs.size(); r++) {
            List<Metric> h = thin(sorted(histories.get(r)), x, f.right() - f.left());
            String colour = Palette.category(r);
            String hover = runs.get(r).label() + ": " + h.size() + " points";
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            int drawn = 0;
            double lx = 0;
            double ly = 0;
            for (Metric m : h) {
                if (!Double.isFinite(m.value())) {
                    pen = false;
                    continue;
                }
                lx = x.pos((double) m.step());
                ly = y.pos(m.value());
                d.append(pen ? "L" : "M").append(Svg.n(lx)).append(' ').append(Svg.n(ly));
                pen = true;
                drawn++;
            }
            if (drawn == 1) svg.circle(lx, ly, 3, "fill=\"" + colour + "\" stroke=\"none\"", hover);
            else if (drawn > 1) svg.path(d.toString(), "stroke=\"" + colour + "\"", hover);
        }
        svg.raw("</g>");
        legend(svg, runs, f.right() + 18, f.top() + 6);
        omitted.draw(svg, 8, height, width);
        return svg.done();
    }

    private static void legend(Svg svg, List<PlotRun> runs, double x, double y) {
        int shown = runs.size() <= LEGEND_ROWS ? runs.size() : LEGEND_ROWS - 1;
        for (int r = 0; r < shown; r++) {
            double py = y + r * 20;
            svg.line(x, py, x + 16, py, "stroke=\"" + Palette.category(r) + "\" stroke-width=\"2.5\"");
            svg.text(x + 22, py + 4, "start", "", Labels.clip(runs.get(r).label(), 22));
        }
        if (shown < runs.size()) svg.text(x + 22, y + shown * 20 + 4, "start", "opacity=\"0.7\"", "+" + (runs.size() - shown) + " more runs");
    }

    private static List<Metric> sorted(List<Metric> h) {
        List<Metric> s = new ArrayList<>(h);
        s.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
        return s;
    }

    /** At most two points (lowest, highest, in step order) per pixel column; gaps kept. */
    static List<Metric> thin(List<Metric> h, Axis x, double pixels) {
        if (h.size() <= 2 * pixels) return h;
        List<Metric> out = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        Metric lo = null;
        Metric hi = null;
        for (Metric m : h) {
            if (!Double.isFinite(m.value())) {
                flush(out, lo, hi);
                lo = hi = null;
                out.add(m);
                continue;
            }
            int c = (int) Math.floor(x.pos((double) m.step()));
            if (c != column) {
                flush(out, lo, hi);
                lo = hi = null;
                column = c;
            }
            if (lo == null || m.value() < lo.value()) lo = m;
            if (hi == null || m.value() > hi.value()) hi = m;
        }
        flush(out, lo, hi);
        return out;
    }

    private static void flush(List<Metric> out, Metric lo, Metric hi) {
        if (lo == null) return;
        if (lo == hi) out.add(lo);
        else if (lo.step() <= hi.step()) {
            out.add(lo);
            out.add(hi);
        } else {
            out.add(hi);
            out.add(lo);
        }
    }
}
