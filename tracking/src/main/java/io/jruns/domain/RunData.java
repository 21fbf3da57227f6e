package io.jruns.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A run's params, tags and metric summaries, each sorted by key. */
public record RunData(
        Map<String, MetricSummary> metrics,
        Map<String, String> params,
        Map<String, String> tags) {

    public RunData {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
