package io.jruns.internal.ui.pages;

import io.jruns.domain.Metric;
import io.jruns.views.format.Format;
import io.jruns.views.html.Html;
import io.jruns.views.series.Downsample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One SVG line chart per metric key over its full history, step or time across. Long histories
 * are thinned server-side to {@link #MAX_POINTS} ({@link Downsample}, the rule the sparklines
 * share); the points drawn are also in the chart's {@code data-pts} so static/run.js can show
 * the value under the mouse (the CSP allows no inline script).
 */
final class MetricCharts {
    static final int MAX_POINTS = 1000;
    static final int W = 560;
    static final int H = 200;
    private static final int LEFT = 64;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    /** Time ticks closer than this show milliseconds. */
    static final long FINE_SPAN_MILLIS = 5_000;

    private MetricCharts() {
    }

    /** A history ready to draw: its size, and its finite points sorted along x and thinned. */
    record Series(String key, int total, int finite, List<Metric> drawn) {
    }

    /** Sorts (only when the store's order is not already x order) and thins one history. */
    static Series series(String key, List<Metric> history, boolean byTime) {
        ToLongFunction<Metric> x = byTime ? Metric::timestamp : Metric::step;
        boolean sorted = true;
        boolean allFinite = true;
        long last = Long.MIN_VALUE;
        for (Metric m : history) {
            allFinite &= Double.isFinite(m.value());
            long v = x.applyAsLong(m);
            sorted &= v >= last;
            last = v;
        }
        if (sorted && allFinite) return new Series(key, history.size(), history.size(), Downsample.minMax(history, x, MAX_POINTS));
        List<Metric> finite = new ArrayList<>(history.size());
        for (Metric m : history) if (Double.isFinite(m.value())) finite.add(m);
        if (!sorted) finite.sort(Comparator.comparingLong(x).thenComparingLong(byTime ? Metric::step : Metric::timestamp));
        return new Series(key, history.size(), finite.size(), Downsample.minMax(finite, x, MAX_POINTS));
    }

    /** The section: the step/time toggle and a chart per key with a history. */
    static String html(String runPath, List<Series> charts, boolean byTime) {
        StringBuilder h = new StringBuilder("<section class=\"jr jr-charts\" id=\"charts\"><div class=\"jr-sec\">Metric charts"
                + " <span class=\"jr-xmode\">x: ");
        h.append(byTime ? "<a href=\"" + runPath + "?x=step#charts\">step</a> · <b>time</b>"
                : "<b>step</b> · <a href=\"" + runPath + "?x=time#charts\">time</a>");
        h.append("</span></div>");
        if (charts.isEmpty()) h.append("<div class=\"jr-dim\">No metrics.</div>");
        h.append("<div class=\"jr-chart-grid\">");
        for (Series c : charts) h.append(chart(c, byTime));
        return h.append("</div></section>").toString();
    }

    static String chart(Series series, boolean byTime) {
        ToLongFunction<Metric> x = byTime ? Metric::timestamp : Metric::step;
        String key = series.key();
        List<Metric> pts = series.drawn();
        StringBuilder h = new StringBuilder(64 + pts.size() * 48);
        h.append("<figure class=\"jr-chart\"><figcaption>");
        Html.append(h, key).append(" <span class=\"jr-dim\">").append(Format.count(series.total(), "point"));
        if (pts.size() < series.finite()) h.append(", ").append(Format.count(pts.size())).append(" drawn (min and max per bucket)");
        h.append("</span></figcaption>");
        if (pts.isEmpty()) return h.append("<div class=\"jr-dim\">No finite values.</div></figure>").toString();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Metric m : pts) {
            lo = Math.min(lo, m.value());
            hi = Math.max(hi, m.value());
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        long x0 = x.applyAsLong(pts.get(0));
        long x1 = x.applyAsLong(pts.get(pts.size() - 1));
        double span = x1 == x0 ? 1 : x1 - x0;
        double pw = W - LEFT - RIGHT;
        double ph = H - TOP - BOTTOM;
        h.append("<svg class=\"jr-chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" data-x=\"")
                .append(byTime ? "time" : "step").append("\" data-key=\"");
        Html.append(h, key).append("\" data-box=\"").append(LEFT).append(',').append(TOP).append(',').append((int) pw).append(',')
                .append((int) ph).append("\" data-pts=\"");
        StringBuilder d = new StringBuilder(pts.size() * 16);
        for (int i = 0; i < pts.size(); i++) {
            Metric m = pts.get(i);
            double px = x1 == x0 ? LEFT + pw / 2 : LEFT + (x.applyAsLong(m) - x0) / span * pw; // one x: mid-chart, under its label
            double py = TOP + (hi - m.value()) / (hi - lo) * ph;
            d.append(i == 0 ? 'M' : 'L').append(n(px)).append(' ').append(n(py));
            if (i > 0) h.append(';');
            h.append(n(px)).append(',').append(n(py)).append(',').append(m.step()).append(',').append(m.timestamp()).append(',')
                    .append(m.value());
        }
        h.append("\"><title>");
        Html.append(h, key + ": " + Format.number(lo) + " to " + Format.number(hi)).append("</title>");
        axes(h, lo, hi, x0, x1, byTime, pw, ph);
        h.append("<path class=\"jr-line\" d=\"").append(d).append("\" fill=\"none\" stroke=\"#2f6fdb\" stroke-width=\"1.5\""
                + " stroke-linejoin=\"round\"/>");
        if (x1 == x0) { // one x for every point (one point, or all at one step or millisecond): the line has no length, dots show them
            java.util.Set<String> drawn = new java.util.HashSet<>();
            for (Metric m : pts) {
                String cy = n(TOP + (hi - m.value()) / (hi - lo) * ph);
                if (drawn.add(cy)) h.append("<circle class=\"jr-dot\" cx=\"").append(n(LEFT + pw / 2)).append("\" cy=\"").append(cy)
                        .append("\" r=\"3\" fill=\"#2f6fdb\"/>");
            }
        }
        h.append("<g class=\"jr-hover\" visibility=\"hidden\"><line y1=\"").append(TOP).append("\" y2=\"").append(TOP + (int) ph)
                .append("\" stroke=\"currentColor\" stroke-opacity=\".35\"/><circle r=\"3.5\" fill=\"#2f6fdb\"/>"
                        + "<text font-size=\"11\" fill=\"currentColor\"></text></g>");
        return h.append("</svg></figure>").toString();
    }

    private static void axes(StringBuilder h, double lo, double hi, long x0, long x1, boolean byTime, double pw, double ph) {
        h.append("<g font-size=\"10\" fill=\"currentColor\" fill-opacity=\".75\">");
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            double py = TOP + ph - ph * t / 4;
            h.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(n(LEFT + pw)).append("\" y1=\"").append(n(py)).append("\" y2=\"")
                    .append(n(py)).append("\" stroke=\"currentColor\" stroke-opacity=\".12\"/>");
            h.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(n(py + 3)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(tick(v, (hi - lo) / 4))).append("</text>");
        }
        for (int t = 0; t <= 2; t++) {
            long v = x0 + (x1 - x0) * t / 2;
            if (x0 == x1 && t != 1) continue; // one x: one label, under the point
            if (x0 != x1 && t == 1 && (v == x0 || v == x1)) continue; // a span of one or two steps: no middle tick repeating an end
            String anchor = t == 0 ? "start" : t == 2 ? "end" : "middle";
            h.append("<text x=\"").append(n(LEFT + pw * t / 2)).append("\" y=\"").append(H - 10).append("\" text-anchor=\"").append(anchor)
                    .append("\">").append(Html.escape(byTime ? timeTick(v, x1 - x0) : Format.count(v))).append("</text>");
        }
        h.append("</g>");
    }

    /** Seconds say nothing on a run of under a few seconds (every tick the same second): then milliseconds. */
    static String timeTick(long epochMillis, long span) {
        return span < FINE_SPAN_MILLIS ? Format.timeMillis(epochMillis, java.time.ZoneId.systemDefault()) : Format.time(epochMillis);
    }

    /**
     * A y tick label as short as its spacing allows (0.00745, not 0.00744658, which the 64 px
     * margin clips): two significant digits of the step between ticks; very large or small
     * values in E notation.
     */
    static String tick(double v, double step) {
        if (!Double.isFinite(v)) return Format.number(v);
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-4)) return String.format(java.util.Locale.ROOT, "%.2e", v);
        int decimals = step > 0 ? Math.max(0, Math.min(8, 1 - (int) Math.floor(Math.log10(step)))) : 2;
        java.math.BigDecimal b = new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        String t = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /** One decimal, fast (String.format would cost more than the rest of a 1,000-point chart). */
    static String n(double v) {
        long t = Math.round(v * 10);
        long a = Math.abs(t);
        return (t < 0 ? "-" : "") + (a / 10) + "." + (a % 10);
    }
}
