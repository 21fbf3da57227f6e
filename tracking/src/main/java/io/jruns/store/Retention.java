package io.jruns.store;

import io.jruns.domain.JrunsException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long deleted runs stay restorable before gc purges them: 30 days unless told
 * otherwise. Durations are written {@code 30d}, {@code 12h}, {@code 45m} or {@code 90s}.
 */
public final class Retention {
    public static final Duration DEFAULT = Duration.ofDays(30);
    /** Set to 0 or false to stop stores from running gc by themselves when they open. */
    public static final String AUTO_GC_VARIABLE = "JRUNS_AUTO_GC";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([dhms])");

    private Retention() {
    }

    /** Reads {@code 30d}, {@code 12h}, {@code 45m}, {@code 90s}; anything else is a clear error. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            if (text != null && text.trim().matches("\\d{10,}[dhms]")) {
                throw JrunsException.invalid("a retention period has at most 9 digits, e.g. 30d; got '" + text + "'");
            }
            throw JrunsException.invalid("a retention period is a whole number and a unit: d (days), h, m or s, "
                    + "e.g. 30d; got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Whether the daily automatic gc is on (it is unless {@value #AUTO_GC_VARIABLE} is 0 or false). */
    public static boolean autoGcEnabled() {
        String v = System.getenv(AUTO_GC_VARIABLE);
        return v == null || !(v.trim().equals("0") || v.trim().equalsIgnoreCase("false"));
    }
}
