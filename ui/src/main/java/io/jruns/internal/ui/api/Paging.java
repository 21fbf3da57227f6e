package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;
import io.jruns.domain.ViewType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Page tokens for the listings this API pages itself (experiments, metric histories): an opaque offset. */
final class Paging {
    private static final String PREFIX = "ui1:";

    private Paging() {
    }

    static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token names; 0 without one; a clear error for a token that is not ours. */
    static int offset(String token) {
        if (token == null || token.isBlank()) return 0;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                int n = Integer.parseInt(raw.substring(PREFIX.length()));
                if (n >= 0) return n;
            }
        } catch (IllegalArgumentException bad) {
            // reported below (NumberFormatException is one)
        }
        throw JrunsException.invalid("Invalid page token '" + token + "': pass back the next_page_token of the previous answer");
    }

    /** MLflow's view types; absent means ACTIVE_ONLY. */
    static ViewType view(String text, String field) {
        if (text == null || text.isBlank()) return ViewType.ACTIVE_ONLY;
        try {
            return ViewType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JrunsException.invalid("Invalid value '" + text + "' for parameter '" + field
                    + "': expected ACTIVE_ONLY, DELETED_ONLY or ALL");
        }
    }
}
