package io.jruns.domain;

import java.util.List;

/** What one run receives in one write: MLflow's log-batch. */
public record LogBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {

    public LogBatch {
        metrics = List.copyOf(metrics);
        params = List.copyOf(params);
        tags = List.copyOf(tags);
    }

    public boolean isEmpty() {
        return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
    }
}
