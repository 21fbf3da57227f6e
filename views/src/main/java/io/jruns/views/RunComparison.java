package io.jruns.views;

import io.jruns.domain.JrunsException;
import io.jruns.TrackingClient;
import io.jruns.internal.svg.Axis;
import io.jruns.internal.svg.ContourPlot;
import io.jruns.internal.svg.HistoryPlot;
import io.jruns.internal.svg.ParallelPlot;
import io.jruns.internal.svg.PlotRun;
import io.jruns.internal.svg.ScatterPlot;
import io.jruns.domain.Experiment;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.views.format.Values;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs side by side, from one experiment or several: a details table, a params table and a
 * metrics table (one row per key, one column per run; {@code diffOnly} keeps the rows whose
 * values differ), and plots as SVG documents that can be inlined in HTML or saved as files.
 * <pre>{@code
 * RunComparison c = RunComparison.of(Jruns.client(), List.of(idA, idB, idC));
 * Table m = c.metrics(true);
 * Files.writeString(Path.of("parallel.svg"), c.parallel());
 * }</pre>
 * Plot keys are {@code params.K}, {@code metrics.K} or a bare name (a metric first).
 */
public final class RunComparison {
    /** How many params a default parallel-coordinates plot takes as axes at most. */
    public static final int DEFAULT_AXES = 8;

    private final List<Run> runs;
    private final List<String> labels;
    private final Function<String, String> experimentNames;
    private final MetricHistories histories;
    private final long now;

    private RunComparison(List<Run> runs, Function<String, String> experimentNames, MetricHistories histories, long now) {
        if (runs.isEmpty()) throw JrunsException.invalid("nothing to compare: no runs given");
        this.runs = List.copyOf(runs);
        this.labels = RunLabels.of(this.runs, CompareTables.FIELD, CompareTables.PARAM, CompareTables.METRIC);
        this.experimentNames = experimentNames;
        this.histories = histories;
        this.now = now;
    }

    /** Compares these runs; experiment names and metric histories are looked up as needed. */
    public static RunComparison of(List<Run> runs, Function<String, String> experimentNames, MetricHistories histories) {
        return new RunComparison(runs, experimentNames, histories, System.currentTimeMillis());
    }

    /** Compares runs by id, read through a client. */
    public static RunComparison of(TrackingClient client, List<String> runIds) {
        List<Run> runs = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(runIds)) runs.add(client.getRun(id));
        return of(runs, client);
    }

    public static RunComparison of(List<Run> runs, TrackingClient client) {
        Map<String, String> names = new LinkedHashMap<>();
        return of(runs, id -> names.computeIfAbsent(id, k -> client.getExperiment(k).map(Experiment::name).orElse(k)),
                client::getMetricHistory);
    }

    public List<Run> runs() {
        return runs;
    }

    /** The column heading of each run: its name, made unique with the start of its id. */
    public List<String> labels() {
        return labels;
    }

    public String experimentName(String experimentId) {
        return experimentNames.apply(experimentId);
    }

    public Table details() {
        return CompareTables.details(runs, labels, experimentNames, now);
    }

    public Table params() {
        return params(false);
    }

    public Table params(boolean diffOnly) {
        return CompareTables.params(runs, labels, keys(Key.Kind.PARAM, diffOnly));
    }

    public Table metrics() {
        return metrics(false);
    }

    /** Latest values of every metric, one row per key. */
    public Table metrics(boolean diffOnly) {
        return CompareTables.metrics(runs, labels, keys(Key.Kind.METRIC, diffOnly));
    }

    /** Param or metric keys of any compared run, sorted; with {@code diffOnly} those whose values differ. */
    public List<String> keys(Key.Kind kind, boolean diffOnly) {
        TreeSet<String> all = new TreeSet<>();
        for (Run r : runs) all.addAll(kind == Key.Kind.PARAM ? r.data().params().keySet() : r.data().metrics().keySet());
        List<String> out = new ArrayList<>();
        for (String k : all) if (!diffOnly || differs(new Key(kind, k))) out.add(k);
        return out;
    }

    public boolean differs(Key key) {
        return CompareTables.differs(runs, key);
    }

    public Key key(String text) {
        return Key.resolve(text, runs);
    }

    /** Parallel coordinates over the params that vary (or all params), coloured by the first varying metric. */
    public String parallel() {
        return parallel(List.of(), null);
    }

    /**
     * The axes as {@code %compare --axes a,b} and the compare page's {@code axes=} (repeated or
     * comma-separated) give them: stripped, blanks and repeats dropped, in order. {@link #parallel}
     * refuses a key no run has.
     */
    public static List<String> axes(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String v : given) {
            for (String a : v.split(",")) {
                String s = a.strip();
                if (!s.isEmpty() && !out.contains(s)) out.add(s);
            }
        }
        return out;
    }

    /**
     * @param axes    keys for the axes, in order; empty for the default
     * @param colorBy the metric that colours the lines; null for the default
     */
    public String parallel(List<String> axes, String colorBy) {
        Key color = colorBy != null ? Key.resolveMetric(colorBy, runs) : defaultColor();
        List<Key> keys = new ArrayList<>();
        for (String a : axes) keys.add(key(a));
        if (keys.isEmpty()) {
            keys.addAll(defaultAxes());
            if (color != null && !keys.contains(color)) keys.add(color);
        }
        List<String> names = new ArrayList<>();
        List<List<?>> values = new ArrayList<>();
        for (Key k : keys) {
            names.add(k.name());
            values.add(runs.stream().map(k::value).toList());
        }
        return ParallelPlot.render(plotRuns(), names, values, color == null ? null : color.name(),
                color == null ? null : numbers(color));
    }

    public String scatter(String x, String y) {
        return scatter(x, y, null);
    }

    /** Runs at (x, y); {@code colorBy} (may be null) colours the points by a metric. */
    public String scatter(String x, String y, String colorBy) {
        Key kx = key(x);
        Key ky = key(y);
        Key c = colorBy == null ? null : Key.resolveMetric(colorBy, runs);
        return ScatterPlot.render(plotRuns(), kx.name(), values(kx), ky.name(), values(ky),
                c == null ? null : c.name(), c == null ? null : numbers(c));
    }

    /** The metric {@code z} interpolated over numeric {@code x} and {@code y}. */
    public String contour(String x, String y, String z) {
        Key kx = numeric(key(x), "x");
        Key ky = numeric(key(y), "y");
        Key kz = numeric(key(z), "z");
        return ContourPlot.render(plotRuns(), kx.name(), values(kx), ky.name(), values(ky), kz.name(), numbers(kz));
    }

    /** The metric against step for every compared run. */
    public String history(String metric) {
        Key k = Key.resolveMetric(metric, runs);
        List<List<Metric>> h = new ArrayList<>();
        for (Run r : runs) h.add(r.data().metrics().containsKey(k.name()) ? histories.get(r.runId(), k.name()) : List.of());
        return HistoryPlot.render(plotRuns(), k.name(), h);
    }

    /** Whether at least two runs have different values (runs without the key left aside). */
    public boolean varies(Key key) {
        Object first = null;
        for (Run r : runs) {
            Object v = key.value(r);
            if (v == null) continue;
            if (first == null) first = v;
            else if (!first.equals(v)) return true;
        }
        return false;
    }

    /** Whether every run's value of the key (runs without it left aside) reads as a number. */
    public boolean numeric(Key key) {
        return Axis.of(values(key), 0, 1, false).numeric();
    }

    private List<String> varying(Key.Kind kind) {
        return keys(kind, false).stream().filter(k -> varies(new Key(kind, k))).toList();
    }

    /** Default parallel axes: params that vary; when none vary, every param; at most {@value #DEFAULT_AXES}. */
    public List<Key> defaultAxes() {
        List<String> vary = varying(Key.Kind.PARAM);
        List<String> chosen = vary.isEmpty() ? keys(Key.Kind.PARAM, false) : vary;
        List<Key> out = new ArrayList<>();
        for (String k : chosen.subList(0, Math.min(DEFAULT_AXES, chosen.size()))) out.add(Key.param(k));
        if (out.isEmpty()) for (String k : varying(Key.Kind.METRIC)) if (out.size() < DEFAULT_AXES) out.add(Key.metric(k));
        return out;
    }

    /** The metric plots use when none is named: the first (by name) that varies, else the first; null when none. */
    public Key defaultMetric() {
        return defaultColor();
    }

    private Key defaultColor() {
        List<String> vary = varying(Key.Kind.METRIC);
        List<String> all = vary.isEmpty() ? keys(Key.Kind.METRIC, false) : vary;
        return all.isEmpty() ? null : Key.metric(all.get(0));
    }

    private Key numeric(Key k, String role) {
        List<Object> vs = values(k);
        if (!numeric(k)) {
            Object example = vs.stream().filter(v -> v != null && Double.isNaN(Values.number(v))).findFirst().orElse("");
            throw JrunsException.invalid("a contour's " + role + " must be numeric, but param '" + k.name()
                    + "' has the value '" + example + "'");
        }
        return k;
    }

    private List<Object> values(Key k) {
        List<Object> out = new ArrayList<>();
        for (Run r : runs) out.add(k.value(r));
        return out;
    }

    private List<Double> numbers(Key k) {
        List<Double> out = new ArrayList<>();
        for (Run r : runs) out.add(k.number(r));
        return out;
    }

    private List<PlotRun> plotRuns() {
        List<PlotRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) out.add(new PlotRun(labels.get(i), runs.get(i).runId()));
        return out;
    }
}
