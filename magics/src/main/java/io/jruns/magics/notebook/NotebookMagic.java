package io.jruns.magics.notebook;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.nio.file.Files;
import java.util.List;

/** {@code %notebook [PATH]}: show or set which notebook file this kernel runs. */
public final class NotebookMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("notebook", MagicSpec.Kind.LINE, "%notebook [PATH]",
            "Show or set the notebook file runs are tied to (when the front end does not say).", List.of());
    private final NotebookIdentity identity;

    public NotebookMagic(NotebookIdentity identity) {
        this.identity = identity;
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() > 1) {
            throw JrunsException.invalid("%notebook takes one PATH (quote it if it has spaces), got "
                    + args.positional().size() + " words");
        }
        if (args.positional().size() == 1) {
            NotebookIdentity.Ref ref = identity.set(args.positional().get(0));
            if (!Files.exists(ref.path())) System.err.println("note: " + ref.path() + " does not exist (yet)");
        }
        host.display(Output.text(describe(identity.current())));
    }

    static String describe(NotebookIdentity.Ref ref) {
        return switch (ref.source()) {
            case NONE -> "Notebook: unknown (this front end does not tell the kernel; set it with %notebook PATH)";
            case MAGIC -> "Notebook: " + ref.path() + " (set with %notebook)";
            case JRUNS_NOTEBOOK -> "Notebook: " + ref.path() + " (from JRUNS_NOTEBOOK)";
            case JPY_SESSION_NAME -> "Notebook: " + ref.path() + " (from JPY_SESSION_NAME)";
        };
    }
}
