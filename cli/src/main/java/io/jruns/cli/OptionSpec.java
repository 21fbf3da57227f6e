package io.jruns.cli;

/**
 * One option of a command: {@code --max N} takes a value named {@code N}; a flag has a null
 * value name.
 */
record OptionSpec(String name, String valueName, String help, boolean repeatable, boolean required) {

    static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help, false, false);
    }

    /** An option the command cannot do without ({@code copy --from URI}): shown without brackets. */
    static OptionSpec required(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help, false, true);
    }

    /** An option that may be given several times ({@code -p a=1 -p b=2}). */
    static OptionSpec repeated(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help, true, false);
    }

    static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help, false, false);
    }

    /** The option in the shared grammar ({@link io.jruns.magics.args.ArgsParser}), named without dashes. */
    io.jruns.magics.args.OptionSpec grammar() {
        return new io.jruns.magics.args.OptionSpec(bare(name), valueName, repeatable, help);
    }

    static String bare(String name) {
        return name.startsWith("--") ? name.substring(2) : name.startsWith("-") ? name.substring(1) : name;
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** How it shows in a usage line: {@code [--max N]}, or {@code --to DIR} when required. */
    String synopsis() {
        String s = name + (takesValue() ? " " + valueName : "");
        return (required ? s : "[" + s + "]") + (repeatable ? "..." : "");
    }
}
