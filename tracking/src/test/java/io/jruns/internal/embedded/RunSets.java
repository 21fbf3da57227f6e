package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.search.FilterArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random run sets written through the embedded store's own API: ties in start time and
 * metric steps, NaN and infinities, missing keys and users, every status, deleted runs,
 * logged models, and two experiments.
 */
final class RunSets {
    private static final List<Double> VALUES = List.of(-1.0, 0.0, -0.0, 0.5, 1.0, 2.0, 3.0, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300);
    private static final AtomicInteger SETS = new AtomicInteger();

    /** One run to create; {@code experiment} is 0 or 1. */
    record RunSpec(int experiment, String name, String user, long start, Long end, RunStatus status, boolean deleted,
                   boolean hasModel, List<Metric> points, Map<String, String> params, Map<String, String> tags) {
    }

    /** The two experiments a set was written to. */
    record Created(String first, String second) {
    }

    private RunSets() {
    }

    static Arbitrary<List<RunSpec>> runSets() {
        return runs().list().ofMaxSize(14).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<RunSpec> runs() {
        Arbitrary<Metric> point = Combinators.combine(Arbitraries.of(FilterArbitraries.METRIC_KEYS), Arbitraries.of(VALUES),
                Arbitraries.longs().between(0, 2), Arbitraries.longs().between(0, 2))
                .as((k, v, step, ts) -> new Metric(k, v, ts, step));
        Arbitrary<List<Object>> info = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.of(FilterArbitraries.NAMES), Arbitraries.of(FilterArbitraries.USERS).injectNull(0.25),
                Arbitraries.of(FilterArbitraries.TIMES), Arbitraries.of(150L, 250L, 350L).injectNull(0.4),
                Arbitraries.of(RunStatus.class), Arbitraries.of(false, false, false, true), Arbitraries.of(false, false, true))
                .as((e, n, u, s, end, st, del, model) -> java.util.Arrays.asList(e, n, u, s, end, st, del, model));
        Arbitrary<Map<String, String>> params = Arbitraries.maps(Arbitraries.of(FilterArbitraries.PARAM_KEYS),
                Arbitraries.of(FilterArbitraries.TEXTS)).ofMaxSize(2);
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(Arbitraries.of(FilterArbitraries.TAG_KEYS),
                Arbitraries.of(FilterArbitraries.TEXTS)).ofMaxSize(2);
        return Combinators.combine(info, point.list().ofMaxSize(6), params, tags).as((i, pts, p, t) -> new RunSpec(
                (Integer) i.get(0), (String) i.get(1), (String) i.get(2), (Long) i.get(3), (Long) i.get(4),
                (RunStatus) i.get(5), (Boolean) i.get(6), (Boolean) i.get(7), pts, p, t));
    }

    /** Writes the runs into two new experiments of {@code store}. */
    static Created create(EmbeddedStore store, List<RunSpec> specs) {
        int n = SETS.incrementAndGet();
        String[] exps = {store.createExperiment("set-" + n + "-a", null, Map.of()),
                store.createExperiment("set-" + n + "-b", null, Map.of())};
        List<LogBatch> batches = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (RunSpec s : specs) {
            List<RunTag> tags = new ArrayList<>();
            s.tags().forEach((k, v) -> tags.add(new RunTag(k, v)));
            if (s.hasModel()) tags.add(new RunTag(SystemTags.LOG_MODEL_HISTORY, "[]"));
            String id = store.createRun(exps[s.experiment()], s.user(), s.start(), s.name(), tags).runId();
            ids.add(id);
            List<Param> params = new ArrayList<>();
            s.params().forEach((k, v) -> params.add(new Param(k, v)));
            batches.add(new LogBatch(id, s.points(), params, List.of()));
        }
        List<JrunsException> problems = store.logBatches(batches, false);
        if (!problems.isEmpty()) throw problems.get(0);
        for (int i = 0; i < specs.size(); i++) {
            RunSpec s = specs.get(i);
            if (s.status() != RunStatus.RUNNING || s.end() != null) store.updateRun(ids.get(i), s.status(), s.end(), null);
            if (s.deleted()) store.deleteRun(ids.get(i));
        }
        return new Created(exps[0], exps[1]);
    }
}
