package io.jruns.domain;

/**
 * What is kept per (run, metric key) at write time, so searches never scan history: the
 * latest point (MLflow's order, see {@link Metric#compareForLatest}), min and max over the
 * non-NaN values (NaN when there are none), and how many points were logged.
 */
public record MetricSummary(
        String key,
        double latest,
        long latestTimestamp,
        long latestStep,
        double min,
        double max,
        long count) {

    public static MetricSummary of(Metric m) {
        boolean nan = Double.isNaN(m.value());
        return new MetricSummary(m.key(), m.value(), m.timestamp(), m.step(),
                nan ? Double.NaN : m.value(), nan ? Double.NaN : m.value(), 1);
    }

    /** The summary after one more point. */
    public MetricSummary plus(Metric m) {
        return merge(of(m));
    }

    /** Combines two summaries of the same key (order-independent). */
    public MetricSummary merge(MetricSummary o) {
        boolean otherIsLater = Metric.compareForLatest(o.latestStep, o.latestTimestamp, o.latest,
                latestStep, latestTimestamp, latest) > 0;
        MetricSummary last = otherIsLater ? o : this;
        return new MetricSummary(key, last.latest, last.latestTimestamp, last.latestStep,
                nanMin(min, o.min), nanMax(max, o.max), count + o.count);
    }

    public Metric latestMetric() {
        return new Metric(key, latest, latestTimestamp, latestStep);
    }

    private static double nanMin(double a, double b) {
        if (Double.isNaN(a)) return b;
        if (Double.isNaN(b)) return a;
        return Math.min(a, b);
    }

    private static double nanMax(double a, double b) {
        if (Double.isNaN(a)) return b;
        if (Double.isNaN(b)) return a;
        return Math.max(a, b);
    }
}
