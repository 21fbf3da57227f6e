package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.ViewType;
import io.jruns.store.StoreReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to move: experiments by name or id (none named: every active one) and a run filter in
 * the jruns filter language (empty: every run, active and deleted).
 */
public record Selection(List<String> experiments, String filter) {

    public Selection {
        experiments = List.copyOf(experiments);
        filter = filter == null ? "" : filter;
    }

    public static Selection all() {
        return new Selection(List.of(), "");
    }

    /** The experiments of {@code store} this selection names; a name or id it lacks is an error. */
    List<Experiment> resolve(StoreReader store) {
        if (experiments.isEmpty()) return store.listExperiments(ViewType.ACTIVE_ONLY);
        List<Experiment> out = new ArrayList<>();
        for (String e : experiments) {
            Optional<Experiment> found = store.getExperimentByName(e);
            if (found.isEmpty() && e.matches("\\d{1,19}")) found = store.getExperiment(e);
            out.add(found.orElseThrow(() -> JrunsException.notFound("experiment '" + e + "' does not exist (by name or id) in "
                    + store.describe())));
        }
        return out;
    }
}
