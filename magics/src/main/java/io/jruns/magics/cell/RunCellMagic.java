package io.jruns.magics.cell;

import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.RunOptions;
import io.jruns.domain.RunStatus;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;

/** {@code %%run [NAME] [--nested]}: the cell runs inside a new run, FINISHED or FAILED by its outcome. */
public final class RunCellMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("run", MagicSpec.Kind.CELL, "%%run [NAME] [--nested]",
            "Run the cell inside a new run: FINISHED when the cell completes, FAILED when it throws.",
            List.of(OptionSpec.flag("nested", "start under the active run")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) throws Exception {
        if (args.positional().size() > 1) {
            throw JrunsException.invalid("%%run takes one name; quote a name with spaces: %%run \"my run\"");
        }
        RunOptions.Builder options = RunOptions.builder().nested(args.flag("nested"));
        if (!args.positional().isEmpty()) options.name(args.positional().get(0));
        ActiveRun run = Jruns.startRun(options.build());
        Object value;
        try {
            value = host.eval(body);
        } catch (Exception | Error e) {
            run.end(RunStatus.FAILED);
            throw e;
        }
        run.end(RunStatus.FINISHED);
        if (value != null) host.displayValue(value);
        host.display(Output.text("run " + run.name() + " (" + run.runId() + ") FINISHED"));
    }
}
