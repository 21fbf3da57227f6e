package io.jruns.magics.render;

/** HTML escaping: every user string shown in HTML goes through here (text and attribute values). */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b != null) {
                if (r != null) b.append(r);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Appends escaped text (no copy when nothing needs escaping). */
    public static StringBuilder append(StringBuilder out, String s) {
        if (s == null) return out;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** A link only for file: and http(s): URIs; anything else (javascript:, data:) is refused. */
    public static boolean safeHref(String uri) {
        if (uri == null) return false;
        String u = uri.strip().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("file:") || u.startsWith("http://") || u.startsWith("https://");
    }
}
