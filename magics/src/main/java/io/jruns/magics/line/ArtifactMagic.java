package io.jruns.magics.line;

import io.jruns.domain.JrunsException;
import io.jruns.Jruns;
import io.jruns.magics.args.OptionSpec;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;
import io.jruns.magics.host.Output;
import io.jruns.magics.registry.Magic;
import io.jruns.magics.registry.MagicSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %artifact PATH [--to DIR]}: copy a file or folder into the active run's artifacts. */
public final class ArtifactMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("artifact", MagicSpec.Kind.LINE, "%artifact PATH [--to DIR]",
            "Store a file or folder (relative to the notebook's folder) with the active run.",
            List.of(OptionSpec.value("to", "DIR", "folder inside the run's artifacts")));

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() != 1) {
            throw JrunsException.invalid("%artifact: give one PATH (quote a path with spaces)");
        }
        Path path = Path.of(args.positional().get(0));
        if (!Files.exists(path)) throw JrunsException.invalid("%artifact: no such file or folder: " + path);
        String dir = args.value("to").orElse("");
        Jruns.logArtifact(path, dir);
        host.display(Output.text("stored " + path + (dir.isEmpty() ? "" : " under " + dir)));
    }
}
