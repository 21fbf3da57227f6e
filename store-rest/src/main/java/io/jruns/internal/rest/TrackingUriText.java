package io.jruns.internal.rest;

/** Showing URIs safely: user:password@ never appears in output. */
final class TrackingUriText {
    private TrackingUriText() {
    }

    static String redact(String raw) {
        return raw == null ? null : raw.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/]*@", "$1");
    }

    /** The URI's {@code user:password@} part, percent-decoded, as Python's requests reads it; null when none. */
    static String[] userInfo(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/@]*)@").matcher(raw);
        if (!m.find()) return null;
        String info = m.group(1);
        int colon = info.indexOf(':');
        if (colon < 0) return null;
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        return new String[]{java.net.URLDecoder.decode(info.substring(0, colon).replace("+", "%2B"), utf8),
                java.net.URLDecoder.decode(info.substring(colon + 1).replace("+", "%2B"), utf8)};
    }
}
