package io.jruns.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How requests authenticate: nothing, a bearer token, or a user name and password (basic).
 * The secret is only ever turned into an Authorization header; {@link #toString()} and every
 * message name the kind, never the value, and {@link #scrub} removes it from foreign text.
 */
public final class Credentials {
    public enum Kind { NONE, BEARER, BASIC }

    public static final Credentials NONE = new Credentials(Kind.NONE, null, null);

    private final Kind kind;
    private final String user;
    private final String secret;

    private Credentials(Kind kind, String user, String secret) {
        this.kind = kind;
        this.user = user;
        this.secret = secret;
    }

    public static Credentials bearer(String token) {
        return new Credentials(Kind.BEARER, null, token);
    }

    public static Credentials basic(String user, String password) {
        return new Credentials(Kind.BASIC, user, password);
    }

    public Kind kind() {
        return kind;
    }

    /** The Authorization header's value, or null when there is none. */
    String header() {
        return switch (kind) {
            case NONE -> null;
            case BEARER -> "Bearer " + secret;
            case BASIC -> "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Replaces every occurrence of the secret (and its header forms) in {@code text} with ***. */
    public String scrub(String text) {
        if (text == null || secret == null || secret.isEmpty()) return text;
        String out = text;
        for (String s : List.of(header().substring(header().indexOf(' ') + 1), secret)) {
            if (s.length() >= 3) out = out.replace(s, "***");
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "no credentials";
            case BEARER -> "bearer token (hidden)";
            case BASIC -> "basic auth for user " + user + " (password hidden)";
        };
    }
}
