package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.util.List;

/** {@code %note TEXT}: the active run's description (tag mlflow.note.content). */
public final class NoteMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("note", MagicSpec.Kind.LINE, "%note TEXT",
            "Set the active run's note (its markdown description) to one line; %%note takes several.", List.of());

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        String text = String.join(" ", args.positional());
        if (text.isBlank()) throw JrunsException.invalid("%note: give the note's text");
        Jruns.setNote(text);
        // \n stays as typed, as in every other magic's arguments (IPython's too): a Windows path or a
        // regex in a note keeps its backslashes. Someone who meant a line break hears where to write one.
        host.display(Output.text(text.contains("\\n") ? "note set, with \\n kept as typed; %%note writes a note of several lines"
                : "note set"));
    }
}
