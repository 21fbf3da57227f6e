package io.jruns.internal.yaml;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

import java.util.regex.Pattern;

/**
 * The scalar style PyYAML's {@code safe_dump} asks for a string: plain when PyYAML's YAML 1.1
 * resolver reads the plain text back as a string, else single-quoted. SnakeYAML's emitter (a
 * port of PyYAML's) then falls back as PyYAML does: from plain to single quotes when the text
 * has indicators or edge spaces, from single to double quotes when it has control characters.
 * Text with line breaks is never plain, as in PyYAML.
 */
final class PyYamlStyle {
    /** PyYAML's SafeResolver implicit resolvers: bool, float, int, merge, null, timestamp, value. */
    private static final Pattern TYPED = Pattern.compile(String.join("|",
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?",
            "\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
            "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*",
            "[-+]?\\.(?:inf|Inf|INF)",
            "\\.(?:nan|NaN|NAN)",
            "[-+]?0b[0-1_]+",
            "[-+]?0[0-7_]+",
            "[-+]?(?:0|[1-9][0-9_]*)",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            "<<",
            "~|null|Null|NULL|",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?",
            "="));

    private PyYamlStyle() {
    }

    static ScalarStyle of(String s) {
        // SnakeYAML would write text with line breaks as a plain multi-line scalar; PyYAML quotes it
        boolean breaks = s.chars().anyMatch(c -> c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029');
        return breaks || TYPED.matcher(s).matches() ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
    }
}
