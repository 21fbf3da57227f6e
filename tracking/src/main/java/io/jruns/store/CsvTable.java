package io.jruns.store;

import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;

import java.util.List;
import java.util.Map;

/**
 * Where a store hands the runs of a CSV export (the CSV download): first the exact keys
 * of the exported runs, each group sorted by code point, then one call per run in the
 * search's order. Arrays are reused between calls: read them before returning.
 */
public interface CsvTable {
    /** The fixed columns before the params and metrics. */
    List<String> FIXED = List.of("Run ID", "Name", "Source Type", "Source Name", "User", "Status");

    /** The six fixed cells of a run; the user is the run's user id, else its mlflow.user tag. */
    static String[] fixedCells(Run run) {
        Map<String, String> tags = run.data().tags();
        String user = run.info().userId() != null ? run.info().userId() : tags.get(SystemTags.USER);
        return new String[]{run.runId(), run.info().runName(), tags.get(SystemTags.SOURCE_TYPE),
                tags.get(SystemTags.SOURCE_NAME), user, run.info().status() == null ? null : run.info().status().name()};
    }

    void header(List<String> paramKeys, List<String> metricKeys);

    /**
     * @param fixed Run ID, Name, Source Type, Source Name, User, Status (null when missing)
     * @param params values aligned with the param keys, null when the run lacks one
     * @param metrics latest values aligned with the metric keys (NaN is a value)
     * @param hasMetric whether the run has each metric
     */
    void row(String[] fixed, String[] params, double[] metrics, boolean[] hasMetric);
}
