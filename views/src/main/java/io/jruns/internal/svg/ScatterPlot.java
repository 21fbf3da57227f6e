package io.jruns.internal.svg;

import java.util.ArrayList;
import java.util.List;

/** One point per run at (x, y); optionally coloured by a metric; few points get their run's name. */
public final class ScatterPlot {
    static final int LABEL_LIMIT = 15;

    private ScatterPlot() {
    }

    /** @param colorValues per run (null entries for missing), or null to draw every point alike */
    public static String render(List<PlotRun> runs, String xName, List<?> xs, String yName, List<?> ys,
                                String colorName, List<Double> colorValues) {
        int width = colorName == null ? 540 : 640;
        int height = 360;
        Frame f = new Frame(64, 16, width - (colorName == null ? 30 : 120), height - 46);
        Axis x = Axis.of(xs, f.left(), f.right(), true);
        Axis y = Axis.of(ys, f.bottom(), f.top(), true);
        Omitted omitted = new Omitted();
        List<Boolean> kept = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            String why = Omitted.why(xName, xs.get(r), x);
            if (why == null) why = Omitted.why(yName, ys.get(r), y);
            if (why != null) omitted.add(runs.get(r), why);
            kept.add(why == null);
        }
        // the ranges span the points drawn: a run left out (no x, say) must not stretch the other axis
        x = Axis.of(only(xs, kept), f.left(), f.right(), true);
        y = Axis.of(only(ys, kept), f.bottom(), f.top(), true);
        if (colorValues != null) colorValues = only(colorValues, kept);
        int drawn = runs.size() - omitted.size();
        Svg svg = new Svg(width, (int) (height + omitted.height(width)),
                "Scatter plot of " + yName + " against " + xName + " over " + Omitted.count(drawn, runs.size()));
        f.draw(svg, x, y, xName, yName);
        Axis color = colorValues == null ? null : Axis.linear(colorValues, 0, 1);
        for (int r = 0; r < runs.size(); r++) {
            double px = x.pos(xs.get(r));
            double py = y.pos(ys.get(r));
            if (Double.isNaN(px) || Double.isNaN(py)) continue;
            Double c = colorValues == null ? null : colorValues.get(r);
            String fill = c != null && Double.isFinite(c) ? Palette.LINES.at(color.fraction(c)) : Palette.category(0);
            String hover = runs.get(r).label() + "\n" + xName + " = " + text(xs.get(r)) + "\n" + yName + " = " + text(ys.get(r))
                    + (colorName == null ? "" : "\n" + colorName + " = " + (c == null ? "missing" : Num.label(c)));
            svg.circle(px, py, 5, "fill=\"" + fill + "\" fill-opacity=\"0.9\" style=\"stroke:var(--jp-layout-color0,Canvas)\"", hover);
            if (drawn <= LABEL_LIMIT) {
                boolean right = px < f.right() - 70; // near the right edge, the name goes to the left
                svg.text(right ? px + 8 : px - 8, py + 3.5, right ? "start" : "end", "font-size=\"10\" opacity=\"0.8\"",
                        Labels.clip(runs.get(r).label(), 16));
            }
        }
        if (drawn == 0) svg.note((f.left() + f.right()) / 2, (f.top() + f.bottom()) / 2, "no run has both " + xName + " and " + yName);
        omitted.draw(svg, 8, height, width);
        if (color != null) ColorBar.draw(svg, f.right() + 24, f.top() + 20, f.bottom() - f.top() - 40, Palette.LINES, color.lo(), color.hi(), colorName);
        return svg.done();
    }

    /** The values of the kept runs, null for the others. */
    private static <T> List<T> only(List<T> values, List<Boolean> kept) {
        List<T> out = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) out.add(kept.get(r) ? values.get(r) : null);
        return out;
    }

    static String text(Object v) {
        if (v == null) return "missing";
        return v instanceof Number n ? Num.label(n.doubleValue()) : v.toString();
    }
}
