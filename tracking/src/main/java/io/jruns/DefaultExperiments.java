package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A context's default experiment, owned by its source as Databricks marks a notebook
 * experiment ({@code mlflow.experiment.sourceName}). The experiment a source already owns is
 * its experiment, whatever name the source would be given now: the name comes from the folder
 * Jupyter or {@code jruns execute} started in, so one notebook would otherwise get a new
 * experiment per folder. A source that owns none (a new notebook, or one that moved) gets the
 * experiment of its name. A notebook is one file however it is reached, through symbolic links
 * or not ({@link SourceFile}). Two notebooks named {@code train.ipynb} in different folders, each
 * run from its own, would share one experiment by name and see each other's runs; the second
 * gets an experiment named by its full path instead (by its file's, when a link of that path
 * led to another notebook), and says so.
 */
final class DefaultExperiments {
    private final Store store;
    private final UnaryOperator<String> idFor; // the experiment of a name, created when missing
    /** The name each (name, source) goes by; looked up each time, as any name is (it may be deleted meanwhile). */
    private final Map<String, String> chosen = new ConcurrentHashMap<>();

    DefaultExperiments(Store store, UnaryOperator<String> idFor) {
        this.store = store;
        this.idFor = idFor;
    }

    String idFor(String name, Optional<String> source) {
        if (source.isEmpty()) return idFor.apply(name);
        return idFor.apply(chosen.computeIfAbsent(name + '\0' + source.get(), k -> choose(name, source.get())));
    }

    private String choose(String name, String source) {
        SourceFile me = new SourceFile(store, source);
        Optional<Experiment> owned = owned(name, me.owned());
        if (owned.isPresent()) {
            me.bind(owned.get().experimentId(), owned.get().tags());
            return owned.get().name();
        }
        // the experiment of its name, else of its path, else of its file: the first that is free or its own
        List<String> names = new ArrayList<>(new LinkedHashSet<>(List.of(name, source, me.real().orElse(source))));
        Optional<String> owner = me.otherOwner(idFor.apply(name));
        for (int i = 1; i < names.size() && owner.isPresent(); i++) {
            String other = names.get(i);
            if (me.otherOwner(idFor.apply(other)).isEmpty() || i == names.size() - 1) {
                System.err.println("jruns: experiment '" + name + "' holds the runs of notebook " + owner.get()
                        + "; this notebook's runs go to experiment '" + other + "'");
                return other;
            }
        }
        return name; // its own, or shared: its path names it, or the store keeps no owners
    }

    /**
     * The experiment the source owns: the one of this name when it owns several (stores from
     * before this lookup may hold one per folder), else the oldest.
     */
    private static Optional<Experiment> owned(String name, List<Experiment> mine) {
        return mine.stream().filter(e -> e.name().equals(name)).findFirst().or(() -> mine.stream().findFirst());
    }
}
