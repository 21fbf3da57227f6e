package io.jruns.views;

import io.jruns.domain.JrunsException;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.views.format.Values;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A param or a metric of the compared runs, as named in an option: {@code params.alpha},
 * {@code metrics.rmse}, or a bare name (a metric when some run has a metric of that name,
 * else a param).
 */
public record Key(Kind kind, String name) {
    public enum Kind { PARAM, METRIC }

    public static Key param(String name) {
        return new Key(Kind.PARAM, name);
    }

    public static Key metric(String name) {
        return new Key(Kind.METRIC, name);
    }

    /** Resolves what a person typed against the runs; unknown names are a one-line error. */
    public static Key resolve(String text, Collection<Run> runs) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw JrunsException.invalid("an empty param or metric name");
        String lower = t.toLowerCase(Locale.ROOT);
        for (String p : new String[]{"metrics.", "metric."}) {
            if (lower.startsWith(p) && has(runs, metric(t.substring(p.length())))) return metric(t.substring(p.length()));
        }
        for (String p : new String[]{"params.", "param.", "parameters.", "parameter."}) {
            if (lower.startsWith(p) && has(runs, param(t.substring(p.length())))) return param(t.substring(p.length()));
        }
        if (has(runs, metric(t))) return metric(t);
        if (has(runs, param(t))) return param(t);
        throw JrunsException.invalid("no compared run has a param or metric '" + t + "' (params: "
                + list(runs, Kind.PARAM) + "; metrics: " + list(runs, Kind.METRIC) + ")");
    }

    /** As {@link #resolve}, but it must be a metric. */
    public static Key resolveMetric(String text, Collection<Run> runs) {
        Key k = resolve(text, runs);
        if (k.kind != Kind.METRIC) {
            throw JrunsException.invalid("'" + text + "' is a param, not a metric (metrics: " + list(runs, Kind.METRIC) + ")");
        }
        return k;
    }

    /** The run's value: the param's text or the metric's latest value; null when it has none. */
    public Object value(Run run) {
        if (kind == Kind.PARAM) return run.data().params().get(name);
        MetricSummary s = run.data().metrics().get(name);
        return s == null ? null : s.latest();
    }

    /** The metric's latest value, or the param as a number; null when missing or not a number. */
    public Double number(Run run) {
        Object v = value(run);
        if (v instanceof Double d) return d;
        double d = Values.number(v);
        return Double.isNaN(d) ? null : d;
    }

    /** {@code params.name} or {@code metrics.name}. */
    public String qualified() {
        return (kind == Kind.PARAM ? "params." : "metrics.") + name;
    }

    static boolean has(Collection<Run> runs, Key k) {
        for (Run r : runs) {
            if ((k.kind == Kind.PARAM ? r.data().params() : r.data().metrics()).containsKey(k.name)) return true;
        }
        return false;
    }

    private static String list(Collection<Run> runs, Kind kind) {
        TreeSet<String> keys = new TreeSet<>();
        for (Run r : runs) keys.addAll(kind == Kind.PARAM ? r.data().params().keySet() : r.data().metrics().keySet());
        if (keys.isEmpty()) return "none";
        String s = keys.stream().limit(12).collect(Collectors.joining(", "));
        return keys.size() > 12 ? s + ", ..." : s;
    }
}
