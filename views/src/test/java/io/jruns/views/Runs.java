package io.jruns.views;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Runs built in memory for view tests: a name, params, latest metric values, tags. */
public final class Runs {
    private static int next = 1;

    private Runs() {
    }

    public static Run run(String name, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
        int n = next++;
        String id = String.format(Locale.ROOT, "%08x%024x", (n * 0x9E3779B1L) & 0xffffffffL, n);
        Map<String, MetricSummary> m = new HashMap<>();
        metrics.forEach((k, v) -> m.put(k, MetricSummary.of(new Metric(k, v, 1000L + n, 0))));
        Map<String, String> t = new HashMap<>(tags);
        t.put("mlflow.runName", name);
        return new Run(new RunInfo(id, "1", name, "ann", RunStatus.FINISHED, 1_700_000_000_000L + n * 1000L,
                1_700_000_000_000L + n * 1000L + 4200, LifecycleStage.ACTIVE, null, "/tmp/artifacts/1/" + id),
                new RunData(m, params, t));
    }
}
