package io.jruns.transfer;

import io.jruns.domain.JrunsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The flat YAML of MLflow's meta.yaml files: {@code key: scalar} lines, keys sorted as
 * PyYAML's safe_dump sorts them. Strings a YAML reader could take for something else (numbers,
 * booleans, null, ids starting with a digit, text with ": ") are quoted, so MLflow reads back
 * exactly what was written. The reader takes what MLflow writes: plain, single- and
 * double-quoted scalars, {@code null}, integers, {@code []}, and folded continuation lines.
 */
final class MetaYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./:@+-]*");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final List<String> WORDS = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private MetaYaml() {
    }

    /** Values: String, Long/Integer, null, or an empty List; written in sorted key order. */
    static String write(Map<String, Object> values) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(values).forEach((k, v) -> b.append(k).append(": ").append(scalar(v)).append('\n'));
        return b.toString();
    }

    private static String scalar(Object v) {
        if (v == null) return "null";
        if (v instanceof Number n) return Long.toString(n.longValue());
        if (v instanceof List<?> l) {
            if (!l.isEmpty()) throw new IllegalArgumentException("only empty lists are written");
            return "[]";
        }
        String s = v.toString();
        boolean plain = PLAIN.matcher(s).matches() && !s.endsWith(":") && !WORDS.contains(s.toLowerCase(Locale.ROOT));
        if (plain) return s;
        if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) return "'" + s.replace("'", "''") + "'";
        StringBuilder d = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> d.append("\\\"");
                case '\\' -> d.append("\\\\");
                case '\n' -> d.append("\\n");
                case '\t' -> d.append("\\t");
                case '\r' -> d.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) d.append(String.format("\\x%02X", (int) c));
                    else d.append(c);
                }
            }
        }
        return d.append('"').toString();
    }

    /** Parses a meta.yaml; {@code where} names the file in errors. */
    static Map<String, Object> read(String text, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        String lastKey = null;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            if (Character.isWhitespace(line.charAt(0)) || line.startsWith("- ")) {
                // a folded plain scalar's next line, or a list item (old files' tags list): the former continues
                if (lastKey != null && out.get(lastKey) instanceof String s && !line.strip().startsWith("- ")) {
                    out.put(lastKey, s + " " + line.strip());
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) throw JrunsException.invalid(where + ": not a 'key: value' line: " + head(line));
            lastKey = line.substring(0, colon).trim();
            out.put(lastKey, value(line.substring(colon + 1).trim(), where));
        }
        return out;
    }

    private static Object value(String v, String where) {
        if (v.isEmpty() || v.equals("null") || v.equals("~")) return null;
        if (v.equals("[]")) return List.of();
        if (v.startsWith("'")) {
            if (!v.endsWith("'") || v.length() < 2) throw JrunsException.invalid(where + ": unclosed quote in " + head(v));
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.startsWith("\"")) return doubleQuoted(v, where);
        if (INTEGER.matcher(v).matches()) return Long.parseLong(v);
        return v;
    }

    private static String doubleQuoted(String v, String where) {
        if (!v.endsWith("\"") || v.length() < 2) throw JrunsException.invalid(where + ": unclosed quote in " + head(v));
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = v.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case 'x' -> {
                    b.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private static String head(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
