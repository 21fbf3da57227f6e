package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;

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
 * experiment of its name. Two notebooks named {@code train.ipynb} in different folders, each
 * run from its own, would share one experiment by name and see each other's runs; the second
 * gets an experiment named by its full path instead, and says so.
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
        Optional<String> owned = owned(name, source);
        if (owned.isPresent()) return owned.get();
        String owner = ownerOrClaim(idFor.apply(name), source);
        if (owner == null || owner.equals(source) || name.equals(source)) return name;
        ownerOrClaim(idFor.apply(source), source);
        System.err.println("jruns: experiment '" + name + "' holds the runs of notebook " + owner
                + "; this notebook's runs go to experiment '" + source + "'");
        return source;
    }

    /**
     * The name of the experiment the source owns: the one of this name when it owns several
     * (stores from before this lookup may hold one per folder), else the oldest.
     */
    private Optional<String> owned(String name, String source) {
        List<Experiment> mine = store.experimentsTagged(SystemTags.EXPERIMENT_SOURCE_NAME, source);
        return mine.stream().filter(e -> e.name().equals(name)).findFirst().or(() -> mine.stream().findFirst())
                .map(Experiment::name);
    }

    /** The experiment's owner; an experiment without one becomes the source's. Null when the store keeps no tags. */
    private String ownerOrClaim(String id, String source) {
        Optional<Experiment> e = store.getExperiment(id);
        String owner = e.map(x -> x.tags().get(SystemTags.EXPERIMENT_SOURCE_NAME)).orElse(null);
        if (owner != null) return owner;
        try {
            store.setExperimentTag(id, SystemTags.EXPERIMENT_SOURCE_NAME, source);
            return source;
        } catch (JrunsException refused) {
            return null; // a server that refuses the tag (a workspace's own): share by name, as before
        }
    }
}
