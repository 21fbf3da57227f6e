package io.jruns.internal.ui.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A sign-in code for a link that is saved with a notebook ({@code %ui}): it stands for the
 * token once, for ten minutes, so a notebook shared or committed later carries no way in. The
 * code is {@code EXPIRY.NONCE.MAC}, MACed with the token, so whoever reads ui.json can mint one
 * and the server checks it without keeping a list of codes it gave (only of those used).
 */
public final class LoginCode {
    /** How long a code may wait to be opened. */
    public static final long TTL_MILLIS = 10 * 60_000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private LoginCode() {
    }

    public static String mint(String token, long nowMillis) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String head = Long.toString(nowMillis + TTL_MILLIS, 36) + "." + B64.encodeToString(nonce);
        return head + "." + mac(token, head);
    }

    /** The code's nonce when it is this token's and not expired, else null. */
    public static String check(String token, String code, long nowMillis) {
        int last = code.lastIndexOf('.');
        int first = code.indexOf('.');
        if (first <= 0 || last <= first) return null;
        String head = code.substring(0, last);
        if (!MessageDigest.isEqual(mac(token, head).getBytes(StandardCharsets.US_ASCII),
                code.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) return null;
        try {
            long expiry = Long.parseLong(code.substring(0, first), 36);
            return expiry > nowMillis ? code.substring(first + 1, last) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When a code checked by {@link #check} expires, to forget its nonce after. */
    public static long expiry(String code) {
        return Long.parseLong(code.substring(0, code.indexOf('.')), 36);
    }

    private static String mac(String token, String head) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(head.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
