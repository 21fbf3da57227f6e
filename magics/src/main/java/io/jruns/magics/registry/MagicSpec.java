package io.jruns.magics.registry;

import io.jruns.magics.args.OptionSpec;

import java.util.List;

/**
 * What a magic is: its name, line or cell, usage line, one-sentence description, options, and
 * the action words its first argument may be (each option says which of them it is for).
 */
public record MagicSpec(String name, Kind kind, String usage, String description, List<OptionSpec> options,
                        List<String> actions) {

    public enum Kind { LINE, CELL }

    public MagicSpec {
        options = List.copyOf(options);
        actions = List.copyOf(actions);
    }

    public MagicSpec(String name, Kind kind, String usage, String description, List<OptionSpec> options) {
        this(name, kind, usage, description, options, List.of());
    }

    /** {@code %name} or {@code %%name}. */
    public String invocation() {
        return (kind == Kind.CELL ? "%%" : "%") + name;
    }
}
