package io.jruns.internal.rest;

import okhttp3.Response;

/**
 * Whether the server is jruns' own ({@code jruns ui}). Its {@code /version} answers the MLflow
 * version its API follows, so MLflow clients treat it as that server; it says it is jruns in
 * the header {@value #HEADER} on every answer instead (docs/ui.md). jruns ui keeps what the
 * embedded store keeps, so the REST store applies jruns' limits there, not MLflow's
 * ({@link ServerRules}), reads its doubles as sent ({@link WireRuns}) and sends its NaN
 * duplicates ({@link Outbox}). Each successful answer says it anew: another server at the same
 * address is not taken for jruns.
 */
final class ServerIdentity {
    static final String HEADER = "X-Jruns-Version";

    private volatile String jrunsVersion;

    /** Learns from a successful answer: with the header it is jruns, without it is not. */
    void answered(Response r) {
        String v = r.header(HEADER);
        jrunsVersion = v == null || v.isBlank() ? null : v.strip();
    }

    boolean isJruns() {
        return jrunsVersion != null;
    }

    /** "jruns ui (0.1.0)", for messages; only meaningful when {@link #isJruns()}. */
    String describe() {
        return "jruns ui (" + jrunsVersion + ")";
    }
}
