package io.jruns.internal.manage;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.store.StoreReader;

import java.util.Optional;

/** An experiment named by the user: its name, else its id (names win: a name may look like an id). */
public final class ExperimentRefs {
    private ExperimentRefs() {
    }

    public static Experiment resolve(StoreReader store, String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) throw JrunsException.invalid("an experiment name or id is empty");
        Optional<Experiment> byName = store.getExperimentByName(nameOrId);
        if (byName.isPresent()) return byName.get();
        if (nameOrId.matches("\\d{1,18}")) {
            Optional<Experiment> byId = store.getExperiment(nameOrId);
            if (byId.isPresent()) return byId.get();
        }
        throw JrunsException.notFound("experiment '" + nameOrId + "' does not exist (by name or id) in " + store.describe());
    }
}
