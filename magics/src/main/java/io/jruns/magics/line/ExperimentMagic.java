package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.domain.Experiment;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.views.html.Html;

import java.util.List;

/** {@code %experiment [NAME]}: show or set the active experiment. */
public final class ExperimentMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("experiment", MagicSpec.Kind.LINE, "%experiment [NAME]",
            "Show the active experiment, or make NAME active (created if missing).", List.of());

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() > 1) {
            throw JrunsException.invalid("%experiment takes one name; quote a name with spaces: %experiment \"my exp\"");
        }
        Experiment e = args.positional().isEmpty() ? Jruns.getExperiment() : Jruns.setExperiment(args.positional().get(0));
        String verb = args.positional().isEmpty() ? "Active experiment" : "Experiment set to";
        host.display(new Output("<div class=\"jruns-line\">" + verb + ": <b>" + Html.escape(e.name()) + "</b> (id "
                + Html.escape(e.experimentId()) + ")</div>", verb + ": " + e.name() + " (id " + e.experimentId() + ")"));
    }
}
