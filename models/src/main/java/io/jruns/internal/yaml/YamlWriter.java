package io.jruns.internal.yaml;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the small YAML subset MLmodel files use: nested maps, lists of scalars, and scalars
 * (strings, numbers, booleans, null). Strings are plain when that is unambiguous, else
 * single-quoted as MLflow writes them, or double-quoted (JSON escapes) when they hold control
 * characters. No YAML library: what we write is small and fixed.
 */
public final class YamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./@+-]*(:[A-Za-z0-9_./@+-]+)*");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|~|y|n|[-+]?(\\.?[0-9].*|\\.inf|\\.nan))");

    private YamlWriter() {
    }

    public static String write(Map<String, ?> map) {
        StringBuilder b = new StringBuilder();
        writeMap(b, map, 0);
        return b.toString();
    }

    private static void writeMap(StringBuilder b, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            b.append(" ".repeat(indent)).append(scalar(e.getKey())).append(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                b.append('\n');
                writeMap(b, cast(m), indent + 2);
            } else if (v instanceof List<?> l && !l.isEmpty()) {
                b.append('\n');
                for (Object item : l) {
                    if (item instanceof Map || item instanceof List) {
                        throw new IllegalArgumentException("only lists of scalars are supported, at key " + e.getKey());
                    }
                    b.append(" ".repeat(indent)).append("- ").append(value(item)).append('\n');
                }
            } else if (v instanceof Map) {
                b.append(" {}\n");
            } else if (v instanceof List) {
                b.append(" []\n");
            } else {
                b.append(' ').append(value(v)).append('\n');
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) return v.toString();
        if (v instanceof Double d) {
            if (d.isNaN()) return ".nan";
            if (d.isInfinite()) return d > 0 ? ".inf" : "-.inf";
            return d.toString();
        }
        return scalar(v.toString());
    }

    /** A string as a YAML scalar that reads back as the same string. */
    public static String scalar(String s) {
        if (!s.isEmpty() && PLAIN.matcher(s).matches() && !LOOKS_TYPED.matcher(s).matches()) return s;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
            }
        }
        return "'" + s.replace("'", "''") + "'";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
