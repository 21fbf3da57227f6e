package io.jruns.internal.ui.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What an edit form was showing, carried as a digest in a hidden field: a digest rather than
 * the text, so a long note does not travel twice and the browser's newline rewriting of form
 * values cannot make an unchanged value look changed.
 */
final class Seen {
    static final String FIELD = "seen";
    private static final String ABSENT = "-";

    private Seen() {
    }

    static String token(String value) {
        if (value == null) return ABSENT;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A form without the field (a script's POST) asks for no check. */
    static boolean unchanged(String token, String now) {
        return token == null || token.equals(token(now));
    }

    static String hidden(String value) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + token(value) + "\">";
    }

    /** A value for a one-line message: one line, at most 60 characters. */
    static String shortened(String value) {
        String line = value.replaceAll("\\R+", " ");
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 59)) + "…";
    }
}
