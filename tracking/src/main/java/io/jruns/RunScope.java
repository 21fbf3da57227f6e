package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.internal.manage.ExperimentRefs;
import io.jruns.internal.manage.RunRefs;
import io.jruns.store.Store;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where {@link TrackingClient} looks up the runs people name (docs/manage.md): a RUN is a run
 * id, a unique id prefix, or a run name in the default experiment (the facade's active one)
 * unless experiments are named. Each look-up flushes pending logging first, so finding and
 * managing runs never overtakes values still queued.
 */
final class RunScope {
    private final Store store;
    private final Runnable flush;
    /** The experiment a RUN name or a search without experiments means: Default, or the facade's active one. */
    private volatile Supplier<String> defaultExperiment = () -> Experiment.DEFAULT_ID;

    RunScope(Store store, Runnable flush) {
        this.store = store;
        this.flush = flush;
    }

    void defaultExperiment(Supplier<String> experimentId) {
        this.defaultExperiment = experimentId;
    }

    RunQuery search() {
        return new RunQuery(store, defaultExperiment, flush);
    }

    /** Names looked up in these experiments (names or ids), or in every active one when none is given. */
    RunManager manager(String... experiments) {
        flush.run();
        List<String> ids = experiments.length == 0
                ? store.listExperiments(ViewType.ACTIVE_ONLY).stream().map(Experiment::experimentId).toList()
                : Arrays.stream(experiments).map(e -> ExperimentRefs.resolve(store, e).experimentId()).toList();
        return new RunManager(store, ids);
    }

    /** Names looked up in the default experiment. */
    RunManager manager() {
        flush.run();
        return new RunManager(store, List.of(defaultExperiment.get()));
    }

    /** A RUN in any state; a name shared by several runs is an error listing them. */
    Run resolve(String ref, List<String> experiments) {
        flush.run();
        return RunRefs.resolve(store, ref, experimentIds(experiments), ViewType.ALL);
    }

    /** A RUN in any state; a name shared by several runs means the newest, and {@code note} is told so. */
    Run find(String ref, List<String> experiments, Consumer<String> note) {
        flush.run();
        return RunRefs.resolveNewest(store, ref, experimentIds(experiments), ViewType.ALL, note);
    }

    /** The experiments (names or ids) as ids; the default experiment when empty. */
    private List<String> experimentIds(List<String> experiments) {
        return experiments.isEmpty() ? List.of(defaultExperiment.get())
                : experiments.stream().map(e -> ExperimentRefs.resolve(store, e).experimentId()).toList();
    }
}
