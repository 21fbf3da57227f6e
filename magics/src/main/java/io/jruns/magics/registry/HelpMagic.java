package io.jruns.magics.registry;

import io.jruns.domain.JrunsException;
import io.jruns.magics.args.ParsedArgs;
import io.jruns.magics.host.MagicHost;

import java.util.List;

/** {@code %help [NAME]}: every magic with its usage and description, or just the one named. */
public final class HelpMagic implements Magic {
    private static final MagicSpec SPEC = new MagicSpec("help", MagicSpec.Kind.LINE, "%help [NAME]",
            "List the magics with their usage, or describe one (%help run, %help %%metrics).", List.of());
    private final MagicRegistry registry;

    public HelpMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MagicSpec spec() {
        return SPEC;
    }

    @Override
    public void run(MagicHost host, ParsedArgs args, String body) {
        if (args.positional().size() > 1) throw JrunsException.invalid("%help takes at most one magic name");
        if (args.positional().isEmpty()) {
            host.display(HelpText.of(registry.specs(), true));
            return;
        }
        String name = args.positional().get(0);
        String bare = name.replaceFirst("^%%?", "");
        List<MagicSpec> found = registry.specs().stream()
                .filter(s -> s.name().equals(bare) && (!name.startsWith("%") || s.invocation().equals(name)))
                .toList();
        if (found.isEmpty()) throw JrunsException.invalid("%help: no magic named " + name + " (run %help to list them)");
        host.display(HelpText.of(found, false));
    }
}
