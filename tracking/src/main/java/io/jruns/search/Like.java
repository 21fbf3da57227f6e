package io.jruns.search;

/**
 * SQL LIKE over code points: {@code %} any run (also empty), {@code _} exactly one
 * character, no escape character. ILIKE folds case per code point (upper, then lower, as
 * String.equalsIgnoreCase does), so it is not limited to ASCII; but a character outside
 * ASCII never folds into ASCII (the Kelvin sign is not k, long s is not s), so an ASCII
 * pattern matches what an MLflow server on SQLite, which folds only ASCII, matches. The
 * embedded store runs this same code inside SQLite for ILIKE, and an equivalent GLOB for LIKE.
 */
public final class Like {
    private Like() {
    }

    public static boolean matches(String value, String pattern, boolean ignoreCase) {
        int[] v = codePoints(value, ignoreCase);
        int[] p = codePoints(pattern, ignoreCase);
        int vi = 0;
        int pi = 0;
        int starP = -1;
        int starV = 0;
        while (vi < v.length) {
            if (pi < p.length && p[pi] == '%') {
                starP = pi++;
                starV = vi;
            } else if (pi < p.length && (p[pi] == '_' || p[pi] == v[vi])) {
                pi++;
                vi++;
            } else if (starP >= 0) {
                pi = starP + 1;
                vi = ++starV;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '%') pi++;
        return pi == p.length;
    }

    /** The same pattern for SQLite's GLOB, which is case-sensitive and treats * ? [ as special. */
    public static String toGlob(String likePattern) {
        StringBuilder b = new StringBuilder();
        likePattern.codePoints().forEach(cp -> {
            switch (cp) {
                case '%' -> b.append('*');
                case '_' -> b.append('?');
                case '*' -> b.append("[*]");
                case '?' -> b.append("[?]");
                case '[' -> b.append("[[]");
                default -> b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static int[] codePoints(String s, boolean fold) {
        int[] cps = s.codePoints().toArray();
        if (fold) {
            for (int i = 0; i < cps.length; i++) {
                int f = Character.toLowerCase(Character.toUpperCase(cps[i]));
                if (f < 0x80 == cps[i] < 0x80) cps[i] = f;
            }
        }
        return cps;
    }
}
