package io.jruns.internal.rest;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the REST store changes in runs read from a server, so they mean what they meant when
 * logged. An MLflow server stores ±Infinity as ±1.7976931348623157e308 (Double.MAX_VALUE):
 * reading that value back gives ±Infinity again (a metric that really was MAX_VALUE, which no
 * training produces, reads as infinity); jruns ui keeps infinities and sends them as such, so
 * there values are read as sent ({@link ServerIdentity}). MLflow keeps no deletion time; the REST store records
 * it in the tag {@link SystemTags#DELETED_TIME} before deleting, and shows it as the run's deleted time.
 */
final class WireRuns {
    private WireRuns() {
    }

    static double value(double v, ServerIdentity server) {
        if (server.isJruns()) return v;
        if (v == Double.MAX_VALUE) return Double.POSITIVE_INFINITY;
        if (v == -Double.MAX_VALUE) return Double.NEGATIVE_INFINITY;
        return v;
    }

    static Metric metric(Metric m, ServerIdentity server) {
        double v = value(m.value(), server);
        return v == m.value() ? m : new Metric(m.key(), v, m.timestamp(), m.step());
    }

    static List<Metric> history(List<Metric> h, ServerIdentity server) {
        return h.stream().map(m -> metric(m, server)).toList();
    }

    static Run run(Run r, ServerIdentity server) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        r.data().metrics().forEach((k, s) -> metrics.put(k, MetricSummary.of(metric(s.latestMetric(), server))));
        Map<String, String> tags = new LinkedHashMap<>(r.data().tags());
        String deleted = tags.remove(SystemTags.DELETED_TIME);
        RunInfo i = r.info();
        Long deletedTime = null;
        if (deleted != null && i.lifecycleStage() == LifecycleStage.DELETED) {
            try {
                deletedTime = Long.parseLong(deleted.trim());
            } catch (NumberFormatException e) {
                deletedTime = null; // a tag someone else wrote: no known deletion time
            }
        }
        RunInfo info = new RunInfo(i.runId(), i.experimentId(), i.runName(), i.userId(), i.status(), i.startTime(),
                i.endTime(), i.lifecycleStage(), deletedTime, i.artifactUri());
        return new Run(info, new RunData(metrics, r.data().params(), tags));
    }

    /** The run with full summaries (min, max, count) of some metrics, computed from their histories. */
    static Run withHistories(Run r, Map<String, List<Metric>> histories) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>(r.data().metrics());
        histories.forEach((key, h) -> {
            MetricSummary s = null;
            for (Metric m : h) s = s == null ? MetricSummary.of(m) : s.plus(m);
            if (s != null) metrics.put(key, s);
        });
        return new Run(r.info(), new RunData(metrics, r.data().params(), r.data().tags()));
    }
}
