package io.jruns.magics.registry;

import io.jruns.magics.args.OptionSpec;

import java.util.List;

/** What a magic is: its name, line or cell, usage line, one-sentence description, options. */
public record MagicSpec(String name, Kind kind, String usage, String description, List<OptionSpec> options) {

    public enum Kind { LINE, CELL }

    public MagicSpec {
        options = List.copyOf(options);
    }

    /** {@code %name} or {@code %%name}. */
    public String invocation() {
        return (kind == Kind.CELL ? "%%" : "%") + name;
    }
}
