package io.jruns.internal.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Parallel coordinates: one vertical axis per param or metric, one line per run, coloured by
 * a metric. Text-valued params become ordered categorical axes. A run missing a value has a
 * gap in its line there, so it is neither dropped nor drawn at a made-up position.
 */
public final class ParallelPlot {
    static final double TOP = 46;
    static final double HEIGHT = 330;
    static final double BOTTOM = HEIGHT - 26;

    private ParallelPlot() {
    }

    /**
     * @param axisValues per axis, one value per run (String, Number or null)
     * @param colorValues per run, the colouring metric (null entries for missing); null for none
     */
    public static String render(List<PlotRun> runs, List<String> axisNames, List<List<?>> axisValues,
                                String colorName, List<Double> colorValues) {
        int n = axisNames.size();
        double spacing = n <= 1 ? 0 : Math.min(220, Math.max(100, 760.0 / (n - 1)));
        double left = 70;
        int width = (int) Math.ceil(left + spacing * Math.max(0, n - 1) + (colorName == null ? 70 : 150));
        width = Math.max(width, 320);
        if (n == 0 || runs.isEmpty()) {
            return new Svg(width, (int) HEIGHT, "Parallel coordinates of " + runs.size() + " runs")
                    .note(width / 2.0, HEIGHT / 2, "nothing to plot: no params or metrics to use as axes").done();
        }
        List<Axis> axes = new ArrayList<>();
        for (List<?> values : axisValues) axes.add(Axis.of(values, BOTTOM, TOP, false));
        // a gap shows where one value is missing; a run with no value on any axis would leave no trace
        Omitted omitted = new Omitted();
        for (int r = 0; r < runs.size(); r++) {
            List<String> why = new ArrayList<>();
            for (int a = 0; a < n; a++) why.add(Omitted.why(axisNames.get(a), axisValues.get(a).get(r), axes.get(a)));
            if (!why.contains(null)) omitted.add(runs.get(r), String.join(", ", why));
        }
        Svg svg = new Svg(width, (int) (HEIGHT + omitted.height(width)), "Parallel coordinates of "
                + Omitted.count(runs.size() - omitted.size(), runs.size()) + (colorName == null ? "" : ", coloured by " + colorName));
        Axis color = colorValues == null ? null : Axis.linear(colorValues, 0, 1);

        svg.raw("<g fill=\"none\" stroke-width=\"1.6\" stroke-opacity=\"0.85\" stroke-linejoin=\"round\">");
        for (int r = 0; r < runs.size(); r++) {
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            int points = 0;
            double lastX = 0;
            double lastY = 0;
            for (int a = 0; a < n; a++) {
                double y = axes.get(a).pos(axisValues.get(a).get(r));
                if (Double.isNaN(y)) {
                    pen = false;
                    continue;
                }
                lastX = left + a * spacing;
                lastY = y;
                points++;
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(Svg.n(lastX)).append(' ').append(Svg.n(y));
                pen = true;
            }
            if (points == 0) continue;
            Double c = colorValues == null ? null : colorValues.get(r);
            boolean coloured = c != null && Double.isFinite(c);
            String stroke = coloured ? Palette.LINES.at(color.fraction(c)) : "currentColor";
            String hover = runs.get(r).label() + (colorName == null ? "" : "\n" + colorName + " = " + (c == null ? "missing" : Num.label(c)));
            if (points == 1) { // a single value: a dot, or nothing would show
                svg.circle(lastX, lastY, 2.5, "fill=\"" + stroke + "\" stroke=\"none\"", hover);
            } else {
                svg.path(d.toString(), "stroke=\"" + stroke + "\"" + (coloured ? "" : " stroke-opacity=\"0.35\""), hover);
            }
        }
        svg.raw("</g>");
        drawAxes(svg, axes, axisNames, left, spacing);
        omitted.draw(svg, 8, HEIGHT, width);
        if (color != null && colorName != null) {
            ColorBar.draw(svg, left + spacing * (n - 1) + 64, TOP + 10, BOTTOM - TOP - 20, Palette.LINES, color.lo(), color.hi(), colorName);
        }
        return svg.done();
    }

    private static void drawAxes(Svg svg, List<Axis> axes, List<String> names, double left, double spacing) {
        svg.raw("<g style=\"paint-order:stroke;stroke:var(--jp-layout-color0,Canvas);stroke-width:3px;stroke-linejoin:round\">");
        for (int a = 0; a < axes.size(); a++) {
            double x = left + a * spacing;
            Axis axis = axes.get(a);
            svg.line(x, TOP, x, BOTTOM, "stroke=\"currentColor\" stroke-opacity=\"0.55\" stroke-width=\"1\"");
            for (Axis.Tick t : axis.ticks(axis.numeric() ? 5 : 12)) {
                svg.line(x - 3, t.pos(), x, t.pos(), "stroke=\"currentColor\" stroke-opacity=\"0.55\"");
                svg.text(x - 5, t.pos() + 3.5, "end", "font-size=\"10\"", Labels.clip(t.label(), 12));
            }
            svg.text(x, TOP - 24, "middle", "font-weight=\"600\"", Labels.clip(axis.title(names.get(a)), 22));
        }
        svg.raw("</g>");
    }
}
