package io.jruns.internal.rest;

/** Showing URIs safely: user:password@ never appears in output. */
final class TrackingUriText {
    private TrackingUriText() {
    }

    static String redact(String raw) {
        return raw == null ? null : raw.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/]*@", "$1");
    }
}
