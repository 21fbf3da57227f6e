package io.jruns.magics.cell;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names a cell declares or assigns ({@code x = ...}, {@code double a = 1, b = 2},
 * {@code x += ...}, {@code x++}), after blanking comments and string literals. Lexical, so it
 * works on any kernel; names that are not variables afterwards are dropped by the caller.
 */
public final class Assignments {
    private static final Pattern ASSIGN = Pattern.compile(
            "(?<![\\w.$\\]])([A-Za-z_$][\\w$]*)\\s*(?:[-+*/%&|^]|<<|>>>?)?=(?!=)");
    private static final Pattern INCREMENT = Pattern.compile(
            "(?<![\\w.$])([A-Za-z_$][\\w$]*)\\s*(?:\\+\\+|--)|(?:\\+\\+|--)\\s*([A-Za-z_$][\\w$]*)");
    private static final Set<String> KEYWORDS = Set.of("int", "long", "double", "float", "short", "byte", "char",
            "boolean", "var", "final", "new", "return", "this", "super", "null", "true", "false", "if", "else",
            "for", "while", "do", "switch", "case", "default", "class", "record", "static", "public", "private");

    private Assignments() {
    }

    public static Set<String> names(String code) {
        String clean = blankLiteralsAndComments(code);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ASSIGN.matcher(clean);
        while (m.find()) add(out, m.group(1));
        m = INCREMENT.matcher(clean);
        while (m.find()) add(out, m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }

    private static void add(Set<String> out, String name) {
        if (name != null && !KEYWORDS.contains(name)) out.add(name);
    }

    /** Replaces comments and string/char literals with spaces so they cannot look like code. */
    static String blankLiteralsAndComments(String code) {
        StringBuilder b = new StringBuilder(code);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? b.length() : end + 2;
                while (i < end) b.setCharAt(i++, ' ');
            } else if (c == '"' || c == '\'') {
                b.setCharAt(i++, ' ');
                while (i < b.length() && b.charAt(i) != c && b.charAt(i) != '\n') {
                    if (b.charAt(i) == '\\' && i + 1 < b.length()) b.setCharAt(i++, ' ');
                    b.setCharAt(i++, ' ');
                }
                if (i < b.length()) b.setCharAt(i++, ' ');
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
