package io.jruns.internal.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML subset of MLmodel files, as jruns and MLflow (PyYAML) write them: block maps,
 * block lists, flow-empty {@code {}} / {@code []}, and scalars, including quoted and plain
 * scalars folded over several lines (PyYAML wraps long values at 80 columns). Scalars come
 * back as strings ({@code null} and {@code ~} as null); anchors, tags and flow collections
 * with content are refused with the line number.
 */
public final class YamlReader {
    private final List<String> lines;
    private int pos;

    private YamlReader(String text) {
        this.lines = text.replace("\r\n", "\n").lines().toList();
    }

    /** The top-level map; an empty document gives an empty map. */
    public static Map<String, Object> read(String text) {
        YamlReader r = new YamlReader(text);
        r.skipBlank();
        if (r.pos >= r.lines.size()) return new LinkedHashMap<>();
        Object top = r.block(r.indent(r.lines.get(r.pos)));
        if (!(top instanceof Map)) throw r.error("the document is not a map");
        r.skipBlank();
        if (r.pos < r.lines.size()) throw r.error("unexpected indentation");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) top;
        return map;
    }

    private Object block(int indent) {
        String first = lines.get(pos).substring(indent);
        return first.startsWith("- ") || first.equals("-") ? list(indent) : map(indent);
    }

    private Map<String, Object> map(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            skipBlank();
            if (pos >= lines.size() || indent(lines.get(pos)) < indent) return out;
            String line = lines.get(pos);
            if (indent(line) > indent) throw error("unexpected indentation");
            String content = line.substring(indent);
            if (content.startsWith("- ")) throw error("a list item where a key was expected");
            int colon = keyEnd(content);
            String key = unquoteKey(content.substring(0, colon).strip());
            String rest = content.substring(colon + 1).strip();
            pos++;
            if (rest.isEmpty() || rest.startsWith("#")) {
                skipBlank();
                boolean nested = pos < lines.size() && (indent(lines.get(pos)) > indent
                        || (indent(lines.get(pos)) == indent && lines.get(pos).substring(indent).startsWith("- ")));
                out.put(key, nested ? block(indent(lines.get(pos))) : null);
            } else {
                out.put(key, scalar(rest, indent));
            }
        }
    }

    private List<Object> list(int indent) {
        List<Object> out = new ArrayList<>();
        while (true) {
            skipBlank();
            if (pos >= lines.size() || indent(lines.get(pos)) != indent) return out;
            String content = lines.get(pos).substring(indent);
            if (!content.startsWith("-")) return out;
            String rest = content.substring(1).strip();
            pos++;
            if (rest.contains(": ") && !rest.startsWith("'") && !rest.startsWith("\"")) {
                throw error("lists of maps are not supported");
            }
            out.add(rest.isEmpty() ? null : scalar(rest, indent));
        }
    }

    /** A scalar starting on the previous line, continued on lines indented more than {@code indent}. */
    private Object scalar(String start, int indent) {
        if (start.equals("{}")) return new LinkedHashMap<>();
        if (start.equals("[]")) return new ArrayList<>();
        char q = start.charAt(0);
        if (q == '{' || q == '[' || q == '&' || q == '*' || q == '!' || q == '|' || q == '>') {
            pos--;
            throw error("unsupported YAML construct '" + q + "'");
        }
        StringBuilder text = new StringBuilder(start);
        if (q == '\'' || q == '"') {
            while (!closed(text.toString(), q)) {
                if (pos >= lines.size()) throw error("unterminated quoted string");
                String next = lines.get(pos++).strip();
                fold(text, next);
            }
            return q == '\'' ? singleQuoted(text.toString()) : doubleQuoted(text.toString());
        }
        while (pos < lines.size() && !lines.get(pos).isBlank() && indent(lines.get(pos)) > indent) {
            String next = lines.get(pos).strip();
            if (next.contains(": ") || next.endsWith(":")) throw error("unexpected indentation");
            fold(text, next);
            pos++;
        }
        String plain = stripComment(text.toString());
        return plain.equals("null") || plain.equals("~") ? null : plain;
    }

    /** YAML folding: a line break between non-empty lines is one space; an empty line is a newline. */
    private static void fold(StringBuilder text, String next) {
        if (next.isEmpty()) {
            text.append('\n');
        } else {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') text.append(' ');
            text.append(next);
        }
    }

    private static boolean closed(String s, char q) {
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (q == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return true;
            }
            i++;
        }
        return false;
    }

    private static String singleQuoted(String s) {
        int end = s.lastIndexOf('\'');
        return s.substring(1, end).replace("''", "'");
    }

    private String doubleQuoted(String s) {
        int end = s.lastIndexOf('"');
        try {
            return new ObjectMapper().readValue(s.substring(0, end + 1), String.class);
        } catch (IOException e) {
            pos--;
            throw error("bad double-quoted string: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String stripComment(String s) {
        int hash = s.indexOf(" #");
        return (hash >= 0 ? s.substring(0, hash) : s).strip();
    }

    private int keyEnd(String content) {
        if (content.startsWith("'") || content.startsWith("\"")) {
            int close = content.indexOf(content.charAt(0), 1);
            if (close > 0 && content.startsWith(":", close + 1)) return close + 1;
        }
        int colon = content.indexOf(": ");
        if (colon < 0 && content.endsWith(":")) colon = content.length() - 1;
        if (colon <= 0) throw error("expected 'key: value'");
        return colon;
    }

    private static String unquoteKey(String key) {
        if (key.length() >= 2 && key.startsWith("'") && key.endsWith("'")) return singleQuoted(key);
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) return key.substring(1, key.length() - 1);
        return key;
    }

    private void skipBlank() {
        while (pos < lines.size()) {
            String l = lines.get(pos);
            if (!l.isBlank() && !l.strip().startsWith("#") && !l.equals("---")) return;
            pos++;
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("YAML line " + (pos + 1) + ": " + what);
    }
}
