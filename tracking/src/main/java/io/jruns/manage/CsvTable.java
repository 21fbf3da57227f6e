package io.jruns.manage;

import java.util.List;

/**
 * Where a store hands the runs of a CSV export (see {@link CsvExport}): first the exact keys
 * of the exported runs, each group sorted by code point, then one call per run in the
 * search's order. Arrays are reused between calls: read them before returning.
 */
public interface CsvTable {
    void header(List<String> paramKeys, List<String> metricKeys);

    /**
     * @param fixed Run ID, Name, Source Type, Source Name, User, Status (null when missing)
     * @param params values aligned with the param keys, null when the run lacks one
     * @param metrics latest values aligned with the metric keys (NaN is a value)
     * @param hasMetric whether the run has each metric
     */
    void row(String[] fixed, String[] params, double[] metrics, boolean[] hasMetric);
}
