package io.jruns.bench.b5;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * An experiment as the views get it from a search, newest first: runs with 20 params,
 * 20 metrics and 5 tags (issue 4's benchmark shape), every tenth top-level run a parent of
 * three nested runs, a few failed, deleted or with a model.
 */
final class ViewRuns {
    private ViewRuns() {
    }

    static List<Run> make(int count, long seed) {
        Random rnd = new Random(seed);
        List<Run> runs = new ArrayList<>(count);
        long start = 1_700_000_000_000L;
        String parent = null;
        int children = 0;
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "%016x%016x", rnd.nextLong(), rnd.nextLong());
            Map<String, String> params = new HashMap<>();
            for (int p = 0; p < 20; p++) params.put("param_" + p, p < 3 ? String.valueOf(rnd.nextInt(10) / 10.0) : "v" + (p % 4));
            Map<String, MetricSummary> metrics = new HashMap<>();
            for (int m = 0; m < 20; m++) {
                double v = rnd.nextDouble();
                metrics.put("metric_" + m, new MetricSummary("metric_" + m, v, start, 9, v / 2, v * 2, 10));
            }
            Map<String, String> tags = new HashMap<>(Map.of(SystemTags.RUN_NAME, "run " + i, SystemTags.USER, "ann",
                    SystemTags.SOURCE_NAME, "/work/notebooks/train.ipynb", SystemTags.NOTEBOOK_REVISION, id + id, "team", "t" + (i % 3)));
            if (children > 0) {
                tags.put(SystemTags.PARENT_RUN_ID, parent);
                children--;
            } else if (i % 10 == 0) {
                parent = id;
                children = 3;
            }
            if (i % 97 == 0) tags.put(SystemTags.LOG_MODEL_HISTORY, "[{\"artifact_path\":\"model\",\"flavors\":{}}]");
            RunStatus status = i % 50 == 0 ? RunStatus.FAILED : RunStatus.FINISHED;
            long t = start - i * 60_000L;
            runs.add(new Run(new RunInfo(id, "1", "run " + i, "ann", status, t, t + 1000 + rnd.nextInt(100_000),
                    LifecycleStage.ACTIVE, null, "file:///tmp/artifacts/1/" + id), new RunData(metrics, params, tags)));
        }
        return runs;
    }

    /** A short history per run, for the history plot of a comparison. */
    static List<Metric> history(String key) {
        List<Metric> h = new ArrayList<>();
        for (int s = 0; s < 100; s++) h.add(new Metric(key, 1.0 / (s + 1), s, s));
        return h;
    }
}
