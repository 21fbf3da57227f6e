package io.jruns.internal.svg;

import io.jruns.views.format.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps values to pixels along one axis. Numeric when every value present is a finite number
 * (metrics, and params such as "0.01"); otherwise categorical, with the distinct values as
 * evenly spaced, ordered positions (numbers first by value, then text). Positive numbers
 * spanning a factor of 20 or more (learning rates, say) get a logarithmic scale. Missing values
 * (null, NaN, infinities) map to NaN, so callers can leave them out.
 */
public final class Axis {
    /** One tick: where it is and what it says. */
    public record Tick(double pos, String label) {
    }

    static final double LOG_RATIO = 20;
    private final double from;
    private final double to;
    private final boolean numeric;
    private final boolean log;
    private final double lo;
    private final double hi;
    private final List<String> categories;
    private final java.util.Map<String, Integer> index = new java.util.HashMap<>();

    private Axis(double from, double to, boolean numeric, boolean log, double lo, double hi, List<String> categories) {
        this.from = from;
        this.to = to;
        this.numeric = numeric;
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.categories = categories;
        for (int i = 0; i < categories.size(); i++) index.put(categories.get(i), i);
    }

    /**
     * @param values Strings or Numbers (null for missing)
     * @param from   the pixel of the lowest value
     * @param to     the pixel of the highest value
     * @param nice   widen a numeric range to nice tick values (scatter plots) or keep it tight
     */
    public static Axis of(List<?> values, double from, double to, boolean nice) {
        return of(values, from, to, nice, true);
    }

    /** A numeric or categorical scale that stays linear (colour scales). */
    public static Axis linear(List<?> values, double from, double to) {
        return of(values, from, to, false, false);
    }

    /** As {@link #of(List, double, double, boolean)}; {@code allowLog} false keeps it linear (steps, colours). */
    public static Axis of(List<?> values, double from, double to, boolean nice, boolean allowLog) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean numeric = true;
        boolean any = false;
        for (Object v : values) {
            if (v == null) continue;
            double d = number(v);
            if (Double.isNaN(d) && !(v instanceof Number)) {
                numeric = false;
                break;
            }
            if (!Double.isFinite(d)) continue;
            any = true;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        if (numeric) {
            if (!any) {
                lo = 0;
                hi = 1;
            } else if (lo == hi) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            boolean log = allowLog && lo > 0 && hi / lo >= LOG_RATIO;
            if (nice && log) {
                lo = Math.pow(10, Math.floor(Math.log10(lo)));
                hi = Math.pow(10, Math.ceil(Math.log10(hi)));
            } else if (nice) {
                double step = Ticks.niceStep((hi - lo) / 5);
                lo = Math.floor(lo / step) * step;
                hi = Math.ceil(hi / step) * step;
            }
            return new Axis(from, to, true, log, lo, hi, List.of());
        }
        TreeSet<String> distinct = new TreeSet<>(Axis::compareCategories);
        for (Object v : values) if (v != null) distinct.add(v.toString());
        return new Axis(from, to, false, false, 0, Math.max(1, distinct.size() - 1), new ArrayList<>(distinct));
    }

    public boolean numeric() {
        return numeric;
    }

    /** Whether values are placed by their logarithm. */
    public boolean log() {
        return log;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** The pixel for a value, NaN when it is missing or not on this axis. */
    public double pos(Object v) {
        if (v == null) return Double.NaN;
        double t;
        if (numeric) {
            double d = number(v);
            if (!Double.isFinite(d) || log && d <= 0) return Double.NaN;
            t = fraction(d);
        } else {
            Integer i = index.get(v.toString());
            if (i == null) return Double.NaN;
            t = categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
        }
        return from + t * (to - from);
    }

    /** Where a value sits in the range, 0..1 (numeric axes). */
    public double fraction(double v) {
        if (log) return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return (v - lo) / (hi - lo);
    }

    public List<Tick> ticks(int count) {
        List<Tick> out = new ArrayList<>();
        if (numeric) {
            for (double t : log ? Ticks.log(lo, hi) : Ticks.of(lo, hi, count)) out.add(new Tick(pos(t), Num.label(t)));
        } else {
            int every = Math.max(1, (int) Math.ceil(categories.size() / (double) Math.max(count, 1)));
            for (int i = 0; i < categories.size(); i += every) out.add(new Tick(pos(categories.get(i)), categories.get(i)));
        }
        return out;
    }

    /** The title with " (log)" when the scale is logarithmic. */
    public String title(String name) {
        return log ? name + " (log)" : name;
    }

    /** A number for a String or Number, NaN when it is not one ({@link Values#number}). */
    public static double number(Object v) {
        return Values.number(v);
    }

    private static final Comparator<String> TEXT = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    static int compareCategories(String a, String b) {
        double x = number(a);
        double y = number(b);
        boolean nx = !Double.isNaN(x);
        boolean ny = !Double.isNaN(y);
        if (nx && ny && x != y) return Double.compare(x, y);
        if (nx != ny) return nx ? -1 : 1;
        return TEXT.compare(a, b);
    }
}
