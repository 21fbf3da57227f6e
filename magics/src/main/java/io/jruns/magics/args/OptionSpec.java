package io.jruns.magics.args;

import java.util.List;

/**
 * One {@code --option} a magic or command accepts: a flag, or one taking a value (maybe repeated).
 * {@code actions} are the actions (a magic's first word, "" for none) it belongs to; empty, every one.
 */
public record OptionSpec(String name, String valueName, boolean repeatable, String help, List<String> actions) {

    public OptionSpec {
        actions = List.copyOf(actions);
    }

    public OptionSpec(String name, String valueName, boolean repeatable, String help) {
        this(name, valueName, repeatable, help, List.of());
    }

    /** This option, taken only by these actions ("" for the magic with no action word). */
    public OptionSpec only(String... actions) {
        return new OptionSpec(name, valueName, repeatable, help, List.of(actions));
    }

    /** Whether the action may be given this option. */
    public boolean takenBy(String action) {
        return actions.isEmpty() || actions.contains(action);
    }

    public static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, false, help);
    }

    public static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, false, help);
    }

    public static OptionSpec repeated(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, true, help);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** How it is written: {@code --step}. A one-letter option may also be written {@code -p}. */
    public String word() {
        return "--" + name;
    }

    /** Whether a word names this option: {@code --name}, or {@code -n} for a one-letter one. */
    public boolean named(String word) {
        return word.equals("--" + name) || (name.length() == 1 && word.equals("-" + name));
    }

    /** As shown in usage lines: {@code --step N}, {@code --nested}, or {@code [--tag K=V]...} for one given again for more. */
    public String synopsis() {
        // a value name that already says it repeats (E,...) gets no second "..."
        boolean saysItRepeats = takesValue() && valueName.endsWith("...");
        String once = word() + (takesValue() ? " " + valueName : "");
        // "--tag K=V..." read as several values after one --tag; each takes one word
        return repeatable && !saysItRepeats ? "[" + once + "]..." : once;
    }
}
