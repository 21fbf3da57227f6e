package io.jruns.cli;

/**
 * One option of a command: {@code --max N} takes a value named {@code N}; a flag has a null
 * value name.
 */
record OptionSpec(String name, String valueName, String help) {

    static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, valueName, help);
    }

    static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** How it shows in a usage line: {@code [--max N]}. */
    String synopsis() {
        return "[" + name + (takesValue() ? " " + valueName : "") + "]";
    }
}
