package io.jruns.internal.ui.pages;

import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.internal.ui.UiContext;
import io.jruns.views.Links;
import io.jruns.views.html.Html;

/** The header trail of a run's pages: its experiment, then the run, each a link. */
final class RunCrumbs {
    private static final Links LINKS = Links.ui("/");

    private RunCrumbs() {
    }

    static String html(UiContext ctx, Run run) {
        String expId = run.info().experimentId();
        String expName = ctx.client().getExperiment(expId).map(Experiment::name).orElse(expId);
        return "<a href=\"" + Html.escape(LINKS.experiment(expId).orElseThrow()) + "\">" + Html.escape(expName) + "</a> / <a href=\""
                + Html.escape(LINKS.run(run.runId()).orElseThrow()) + "\">" + Html.escape(runName(run)) + "</a>";
    }

    static String runName(Run run) {
        String n = run.info().runName();
        return n == null || n.isBlank() ? run.runId() : n;
    }
}
