package io.jruns.internal.rest;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;

/** The same small set of runs, written into any store through the Store interface. */
final class SearchData {
    private SearchData() {
    }

    /** Seven runs in a new experiment "search"; returns its id. */
    static String populate(Store s) {
        String exp = s.createExperiment("search", null, java.util.Map.of());
        run(s, exp, "a", 100, RunStatus.FINISHED, new double[]{0.9, 0.5, 0.3}, "0.01", "adam", "team-a", false);
        run(s, exp, "b", 200, RunStatus.FINISHED, new double[]{0.7, 0.05, 0.6}, "0.1", "sgd", "team-b", true);
        run(s, exp, "c", 300, RunStatus.RUNNING, new double[]{Double.NaN}, "0.01", "adam", "it's", false);
        run(s, exp, "d", 400, RunStatus.FAILED, new double[]{0.2, Double.POSITIVE_INFINITY}, "1", null, "ÉVORA", false);
        run(s, exp, "e", 500, RunStatus.FINISHED, new double[]{}, null, "sgd", null, false);
        run(s, exp, "f", 600, RunStatus.KILLED, new double[]{0.4, 0.45}, "0.5", "adam", "team-a", true);
        String g = run(s, exp, "g", 700, RunStatus.FINISHED, new double[]{0.1}, "0.01", "adam", "team-a", false);
        s.deleteRun(g);
        return exp;
    }

    private static String run(Store s, String exp, String name, long start, RunStatus status, double[] loss,
                              String lr, String opt, String team, boolean model) {
        String id = s.createRun(exp, "user-" + name, start, name, List.of()).runId();
        List<Metric> m = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) m.add(new Metric("loss", loss[i], start + i, i));
        if (loss.length > 0) m.add(new Metric("val loss", loss[loss.length - 1] * 2, start, 0));
        List<Param> p = new ArrayList<>();
        if (lr != null) p.add(new Param("lr", lr));
        if (opt != null) p.add(new Param("opt", opt));
        List<RunTag> t = new ArrayList<>();
        if (team != null) t.add(new RunTag("team", team));
        if (model) t.add(new RunTag("mlflow.log-model.history", "[]"));
        s.logBatch(new LogBatch(id, m, p, t));
        s.updateRun(id, status, status.isTerminated() ? start + 50 : null, null);
        return id;
    }
}
