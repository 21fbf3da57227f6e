package io.jruns.search;

/** String helpers shared by the evaluator and messages. */
public final class Texts {
    private Texts() {
    }

    /**
     * Compares by Unicode code point, which is the order of the UTF-8 bytes, and so the
     * order SQLite's default (BINARY) collation gives; String.compareTo differs above U+FFFF.
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** A value cut for messages, with control characters made visible. */
    static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            int type = Character.getType(cp);
            boolean breaks = type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (Character.isISOControl(cp) || breaks) b.append(String.format("\\u%04x", cp));
            else b.appendCodePoint(cp);
        });
        if (s.codePointCount(0, s.length()) > 40) b.append("...");
        return b.toString();
    }
}
