package io.jruns.internal.manage;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.ViewType;
import io.jruns.store.StoreReader;

import java.util.List;
import java.util.Optional;

/**
 * An experiment named by the user: its name, else its id (names win: a name may look like an
 * id). A notebook's experiment is named by its path from the Jupyter root
 * ({@code notebooks/a.ipynb}); its absolute path finds it too, and so does the relative path
 * of one named absolutely (older runs), when exactly one experiment fits.
 */
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
        if (nameOrId.endsWith(".ipynb")) {
            List<Experiment> fits = store.listExperiments(ViewType.ACTIVE_ONLY).stream()
                    .filter(e -> samePathOtherForm(e.name(), nameOrId)).toList();
            if (fits.size() == 1) return fits.get(0);
        }
        throw JrunsException.notFound("experiment '" + nameOrId + "' does not exist (by name or id) in " + store.describe());
    }

    /** One path ends with the other at a folder boundary: "/home/a/nb/x.ipynb" and "nb/x.ipynb". */
    static boolean samePathOtherForm(String a, String b) {
        String x = a.replace('\\', '/');
        String y = b.replace('\\', '/');
        if (x.equals(y) || !x.endsWith(".ipynb")) return false;
        String longer = x.length() > y.length() ? x : y;
        String shorter = longer == x ? y : x;
        return longer.startsWith("/") && !shorter.startsWith("/") && longer.endsWith("/" + shorter);
    }
}
