package io.jruns.magics.line;

import io.jruns.Jruns;
import io.jruns.domain.Experiment;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;
import io.jruns.magics.render.RunsTable;

import java.util.List;

/** {@code %runs}: the Experiment Runs table of the active experiment, inline. */
public final class RunsMagic implements Magic {
    static final int DEFAULT_MAX = 100;
    private static final MagicSpec SPEC = new MagicSpec("runs", MagicSpec.Kind.LINE, "%runs [--max N]",
            "Show the Experiment Runs table of the active experiment, newest first.",
            List.of(OptionSpec.value("max", "N", "show at most N runs (default 100)")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        int max = args.longValue("max").map(Long::intValue).orElse(DEFAULT_MAX);
        Experiment e = Jruns.getExperiment();
        List<Run> runs = Jruns.client().listRuns(List.of(e.experimentId()), ViewType.ACTIVE_ONLY, max);
        host.display(RunsTable.of(e.name(), runs));
    }
}
