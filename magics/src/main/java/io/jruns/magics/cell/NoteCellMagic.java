package io.jruns.magics.cell;

import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.logging.RunTarget;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;

/**
 * {@code %%note [--run RUN]}: the cell's text, as written (several lines of markdown), is the
 * note of the active run or of the run named. The cell is not run as code.
 */
public final class NoteCellMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("note", MagicSpec.Kind.CELL, "%%note [--run RUN]",
            "Set a run's note (its markdown description) to the cell's text, as written over several lines.",
            List.of(OptionSpec.value("run", "RUN", "the run (id, unique id prefix or name; default: the active run, "
                    + "started if there is none)")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (!args.positional().isEmpty()) {
            throw JrunsException.invalid("%%note: unexpected '" + args.positional().get(0)
                    + "'; the note is the cell's text below %%note (--run RUN names another run)");
        }
        // blank lines around the text are the cell's, not the note's; indentation inside is kept (markdown code)
        String text = body == null ? "" : body.replaceFirst("^(?:[ \\t]*\\r?\\n)+", "").stripTrailing();
        if (text.isEmpty()) throw JrunsException.invalid("%%note: the cell is empty; write the note's markdown below %%note");
        String run = args.value("run").orElse(null);
        if (run != null) {
            Jruns.client().flush(); // a run named by reference is written at once: queued logging first
            String id = Jruns.client().tag(run, SystemTags.NOTE, text);
            host.display(Output.text("note set on run " + id + " (" + lines(text) + ")"));
            return;
        }
        RunTarget target = RunTarget.activeOrStart();
        target.run().setNote(text);
        host.display(Output.text(target.say("note set (" + lines(text) + ")")));
    }

    private static String lines(String text) {
        long n = text.lines().count();
        return n == 1 ? "1 line" : n + " lines";
    }
}
