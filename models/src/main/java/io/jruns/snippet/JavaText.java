package io.jruns.snippet;

/** Java source text: string literals and identifiers made from user-supplied names. */
final class JavaText {
    private JavaText() {
    }

    /** A Java string literal holding {@code s} exactly. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** A line comment's text: no line breaks can end it early. */
    static String comment(String s) {
        return s.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ");
    }
}
