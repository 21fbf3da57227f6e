package io.jruns.internal.ui.pages;

import io.jruns.domain.Experiment;
import io.jruns.domain.JrunsException;
import io.jruns.internal.ui.UiContext;
import io.jruns.views.html.Html;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The experiments one runs page shows: one ({@code /experiments/3}), or several chosen on the
 * home page ({@code /experiments/3,7}), as the reference's "Compare (n)" of experiments shows
 * all their runs in one table.
 */
record ExperimentSet(List<Experiment> experiments) {
    static final int MAX = 100;

    /** The experiments a path's {@code id} names: ids separated by commas, each one existing. */
    static ExperimentSet of(UiContext ctx, String idParam) {
        List<String> ids = Arrays.stream(idParam.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX) {
            throw JrunsException.invalid("a runs page shows 1 to " + MAX + " experiments, not " + ids.size());
        }
        return new ExperimentSet(ids.stream().map(id -> ctx.client().getExperiment(id)
                .orElseThrow(() -> JrunsException.notFound("no experiment with id '" + id + "' in this store"))).toList());
    }

    List<String> ids() {
        return experiments.stream().map(Experiment::experimentId).toList();
    }

    boolean contains(String experimentId) {
        return ids().contains(experimentId);
    }

    /** Each experiment's name by id, in the page's order (the table's Experiment column). */
    java.util.Map<String, String> names() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Experiment e : experiments) out.put(e.experimentId(), e.name());
        return out;
    }

    /** The names, joined: the page's title. */
    String name() {
        return experiments.stream().map(Experiment::name).collect(Collectors.joining(" + "));
    }

    /** The page's own path: {@code /experiments/ID[,ID..]}. */
    String base() {
        return "/experiments/" + ids().stream().map(HomePage::path).collect(Collectors.joining(","));
    }

    /** A link to each experiment's own page (escaped HTML). */
    String crumbs() {
        return experiments.stream().map(e -> "<a href=\"/experiments/" + HomePage.path(e.experimentId()) + "\">"
                + Html.escape(e.name()) + "</a>").collect(Collectors.joining(" + "));
    }
}
