package io.jruns.search;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;

import java.util.HashMap;
import java.util.Map;

/** Builds in-memory runs for evaluator and order tests. */
final class TestRuns {
    private final String id;
    private long start = 1000;
    private Long end;
    private String name = "r";
    private String user = "alice";
    private RunStatus status = RunStatus.FINISHED;
    private final Map<String, MetricSummary> metrics = new HashMap<>();
    private final Map<String, String> params = new HashMap<>();
    private final Map<String, String> tags = new HashMap<>();

    private TestRuns(String id) {
        this.id = id;
    }

    static TestRuns run(String id) {
        return new TestRuns(id);
    }

    TestRuns start(long t) {
        start = t;
        return this;
    }

    TestRuns end(Long t) {
        end = t;
        return this;
    }

    TestRuns name(String n) {
        name = n;
        return this;
    }

    TestRuns user(String u) {
        user = u;
        return this;
    }

    TestRuns status(RunStatus s) {
        status = s;
        return this;
    }

    /** Points logged at steps 0, 1, 2...: the last one is the latest. */
    TestRuns metric(String key, double... values) {
        MetricSummary s = null;
        for (int i = 0; i < values.length; i++) {
            Metric m = new Metric(key, values[i], 5, i);
            s = s == null ? MetricSummary.of(m) : s.plus(m);
        }
        metrics.put(key, s);
        return this;
    }

    TestRuns param(String k, String v) {
        params.put(k, v);
        return this;
    }

    TestRuns tag(String k, String v) {
        tags.put(k, v);
        return this;
    }

    Run build() {
        return new Run(new RunInfo(id, "1", name, user, status, start, end, LifecycleStage.ACTIVE, null,
                "file:///a/" + id), new RunData(metrics, params, tags));
    }
}
