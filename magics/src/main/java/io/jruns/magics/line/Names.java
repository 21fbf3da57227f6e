package io.jruns.magics.line;

import io.jruns.Jruns;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.magics.host.Output;
import io.jruns.views.html.RunCard;

/** Small look-ups shared by the run magics. */
final class Names {
    private Names() {
    }

    static String experimentName(String experimentId) {
        return Jruns.client().getExperiment(experimentId).map(Experiment::name).orElse(experimentId);
    }

    static Output card(Run run) {
        return Output.of(RunCard.of(run, experimentName(run.info().experimentId())));
    }
}
