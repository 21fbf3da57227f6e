package io.jruns.store;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A round's columns folded back into one log batch per run, for stores that take batches only. */
final class RoundBatches {
    private RoundBatches() {
    }

    static List<LogBatch> of(List<LogBatch> batches, List<MetricColumns> metrics) {
        if (metrics.isEmpty()) return batches;
        Map<String, List<Metric>> points = new LinkedHashMap<>();
        for (MetricColumns m : metrics) points.computeIfAbsent(m.runId(), r -> new ArrayList<>()).addAll(m.toMetrics());
        List<LogBatch> out = new ArrayList<>(batches.size() + points.size());
        for (LogBatch b : batches) {
            List<Metric> more = points.remove(b.runId());
            if (more == null) {
                out.add(b);
            } else {
                more.addAll(0, b.metrics());
                out.add(new LogBatch(b.runId(), more, b.params(), b.tags()));
            }
        }
        points.forEach((run, ms) -> out.add(new LogBatch(run, ms, List.of(), List.of())));
        return out;
    }
}
