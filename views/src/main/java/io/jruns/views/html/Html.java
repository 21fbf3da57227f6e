package io.jruns.views.html;

import io.jruns.internal.svg.Svg;

/** HTML escaping: every user string shown in HTML goes through here (text and attribute values). */
public final class Html {
    private Html() {
    }

    /** The one escaping rule for markup (shared with the SVG plots): text and attribute values. */
    public static String escape(String s) {
        return Svg.esc(s);
    }

    /** Appends escaped text. */
    public static StringBuilder append(StringBuilder out, String s) {
        return out.append(Svg.esc(s));
    }

    /** A link only for file: and http(s): URIs; anything else (javascript:, data:) is refused. */
    public static boolean safeHref(String uri) {
        if (uri == null) return false;
        String u = uri.strip().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("file:") || u.startsWith("http://") || u.startsWith("https://");
    }
}
