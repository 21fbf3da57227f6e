package io.jruns.magics.args;

/** One {@code --option} a magic accepts: a flag, or one taking a value (maybe repeated). */
public record OptionSpec(String name, String valueName, boolean repeatable, String help) {

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

    /** As shown in usage lines: {@code --step N} or {@code --nested}. */
    public String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "") + (repeatable ? "..." : "");
    }
}
