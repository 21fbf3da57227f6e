package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;
import io.jruns.store.BulkLimits;
import io.jruns.store.Progress;
import io.jruns.store.Store;

/**
 * Databricks' bulk calls, databricks/runs/delete-runs and databricks/runs/restore-runs, which
 * Python's {@code mlflow.delete_runs} / {@code restore_runs} send (open-source MLflow servers
 * lack them). The store changes the runs in one go, so jruns's REST store needs no run-by-run
 * fallback against jruns ui.
 */
final class BulkRunEndpoints {
    private BulkRunEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Store store) {
        e.post("databricks/runs/delete-runs", c -> {
            String experimentId = experiment(store, c);
            long before = timestamp(c, "max_timestamp_millis");
            int n = store.deleteRunsCreatedBefore(experimentId, before, maxRuns(c), Progress.NONE);
            return Wire.ok(Wire.object().put("runs_deleted", n));
        });
        e.post("databricks/runs/restore-runs", c -> {
            String experimentId = experiment(store, c);
            long since = timestamp(c, "min_timestamp_millis");
            int n = store.restoreRunsDeletedSince(experimentId, since, maxRuns(c), Progress.NONE);
            return Wire.ok(Wire.object().put("runs_restored", n));
        });
    }

    private static String experiment(Store store, ApiCall c) {
        String id = c.string("experiment_id");
        ExperimentEndpoints.require(store, id);
        return id;
    }

    private static long timestamp(ApiCall c, String name) {
        long t = c.requiredLong(name);
        if (t < 0) throw invalid(name, t, "milliseconds since the epoch (0 or more)");
        return t;
    }

    /** Optional: 10,000 when absent, as Databricks does; else 1 to 10,000. */
    private static int maxRuns(ApiCall c) {
        Long n = c.optLong("max_runs");
        if (n == null) return BulkLimits.MAX_RUNS;
        if (n < 1 || n > BulkLimits.MAX_RUNS) throw invalid("max_runs", n, "1 to " + BulkLimits.MAX_RUNS);
        return n.intValue();
    }

    private static JrunsException invalid(String name, long value, String expected) {
        return JrunsException.invalid("Invalid value " + value + " for parameter '" + name + "' supplied: expected " + expected);
    }
}
