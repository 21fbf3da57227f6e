package io.jruns.store;

import io.jruns.domain.JrunsException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A point in time as a person types it for bulk delete and restore, the same in a notebook and
 * on the command line: epoch milliseconds, a date or date-time (local time), or an age.
 */
public final class TimeArg {
    public static final String FORMS = "epoch milliseconds, a date (2026-11-01), a date-time (2026-11-01T09:30) "
            + "or an age (30d, 12h, 90m)";

    private TimeArg() {
    }

    /** Epoch milliseconds; {@code now} is what an age counts back from. */
    public static long parse(String text, long now, String what) {
        String t = text == null ? "" : text.trim();
        try {
            if (t.matches("\\d{1,18}")) return Long.parseLong(t);
            if (t.matches("\\d{1,9}[dhm]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                Duration age = switch (t.charAt(t.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
                return now - age.toMillis();
            }
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
            return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw JrunsException.invalid(what + " takes " + FORMS + ", not '" + text + "'");
        }
    }
}
