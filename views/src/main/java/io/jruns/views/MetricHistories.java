package io.jruns.views;

import io.jruns.domain.Metric;

import java.util.List;

/** Where a comparison reads metric histories from (a client, a store, or a map in a test). */
@FunctionalInterface
public interface MetricHistories {
    List<Metric> get(String runId, String key);
}
