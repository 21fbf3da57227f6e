package io.jruns.domain;

import java.util.Optional;

/** A run: its info and its data. */
public record Run(RunInfo info, RunData data) {

    public String runId() {
        return info.runId();
    }

    public Optional<String> parentRunId() {
        return Optional.ofNullable(data.tags().get(SystemTags.PARENT_RUN_ID));
    }

    public Optional<String> note() {
        return Optional.ofNullable(data.tags().get(SystemTags.NOTE));
    }

    /** The latest value of a metric, if it was logged. */
    public Optional<Double> metric(String key) {
        MetricSummary s = data.metrics().get(key);
        return s == null ? Optional.empty() : Optional.of(s.latest());
    }
}
