package io.jruns.magics.cell;

import io.jruns.ActiveRun;
import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.RunOptions;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;

/**
 * {@code %%run [NAME] [--nested]}: the cell runs inside a new run, FINISHED or FAILED by its
 * outcome, KILLED when the user interrupts it (that is no failure of the code).
 */
public final class RunCellMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("run", MagicSpec.Kind.CELL, "%%run [NAME] [--nested]",
            "Run the cell inside a new run: FINISHED when the cell completes, FAILED when it throws, "
                    + "KILLED when interrupted.",
            List.of(OptionSpec.flag("nested", "start under the active run")));

    static final String INTERRUPTED = "the %%run cell was interrupted in the notebook";

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
            endCutShort(host, run, e);
            throw e;
        }
        run.end(RunStatus.FINISHED);
        if (value != null) host.displayValue(value);
        host.display(Output.text("run " + run.name() + " (" + run.runId() + ") FINISHED"));
    }

    private static boolean nothingLogged(ActiveRun run) {
        var data = run.info().data();
        return data.params().isEmpty() && data.metrics().isEmpty();
    }

    /** KILLED with the reason when the user interrupted the cell, else FAILED; the cell's own error goes on. */
    private static void endCutShort(MagicHost host, ActiveRun run, Throwable cause) {
        // a kernel may leave this thread's interrupt flag set; it must not cut the run's end short too
        boolean flagged = Thread.interrupted();
        try {
            if (host.interrupted(cause)) {
                run.setTag(SystemTags.KILLED_REASON, INTERRUPTED);
                run.end(RunStatus.KILLED);
            } else {
                run.end(RunStatus.FAILED);
                if (host.didNotCompile(cause) && nothingLogged(run)) {
                    // as a Python cell with a syntax error never starts its run: none is left in %runs
                    Jruns.client().deleteRuns(run.runId());
                    host.display(Output.text("the cell did not compile, so its empty run " + run.name()
                            + " was deleted (%runs restore " + run.runId() + " brings it back)"));
                }
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (flagged) Thread.currentThread().interrupt();
        }
    }
}
