package io.jruns.search;

import io.jruns.domain.JrunsException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque page tokens: the offset of the next page plus a fingerprint of the search it
 * belongs to, so a token handed to a different search is refused instead of silently
 * skipping rows. Offsets mean runs logged between pages can shift what a page holds.
 */
public final class PageToken {
    private static final String VERSION = "jr1";

    private PageToken() {
    }

    public static String encode(int offset, String fingerprint) {
        String raw = VERSION + ":" + offset + ":" + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset in {@code token}; a clear error when it is malformed or from another search. */
    public static int decode(String token, String fingerprint) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        String[] parts = raw.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) throw invalid(token);
        int offset;
        try {
            offset = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid(token);
        }
        if (offset < 0) throw invalid(token);
        if (!parts[2].equals(fingerprint)) {
            throw JrunsException.invalid("page token is from a different search (the filter, order, experiments or "
                    + "state changed): start again without a page token");
        }
        return offset;
    }

    /** A short hash of a search's canonical description. */
    public static String fingerprint(String canonicalSearch) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalSearch.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static JrunsException invalid(String token) {
        return JrunsException.invalid("invalid page token '" + Texts.shorten(token) + "': use the token a search returned");
    }
}
