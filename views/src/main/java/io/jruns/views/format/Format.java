package io.jruns.views.format;

import com.fasterxml.jackson.core.io.NumberOutput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values read to a person, the same in HTML, in text, in the notebook and on the command
 * line. One rule per kind:
 * <ul>
 * <li>numbers: whole numbers below 10^15 in full ({@code 123456789}); others to six
 * significant digits, never rounding away a digit before the point, without trailing zeros
 * ({@code 0.123457}, {@code 12345.7}, {@code 0.0003}); exponent form only below 10^-6 or from
 * 10^15 ({@code 1.5e-7}, {@code 2e15}); {@code NaN}, {@code Infinity}, {@code -Infinity}.
 * Six digits, not four: accuracies near 1 must not read as 1, and a loss of 12345.67 must not
 * turn into an exponent.</li>
 * <li>durations: {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 03m}, {@code 3d 04h}
 * (two units at most, the second padded so columns line up).</li>
 * <li>times: {@code 2024-03-01 10:15:30} in a zone (the system's unless given); tooltips add
 * the UTC offset; start times in tables read relative ({@code 5 minutes ago}).</li>
 * <li>byte sizes: {@code 512 B}, {@code 12.3 KB}, {@code 150 MB} (powers of 1024).</li>
 * <li>counts: {@code 1,234,567}; with a noun, {@code 1 experiment}, {@code 3 experiments}.</li>
 * </ul>
 */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    // a UTC offset, not a zone name: zone names load locale data, slow on a notebook's first call
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);
    static final double PLAIN_FROM = 1e-6;
    static final double PLAIN_BELOW = 1e15;

    private Format() {
    }

    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < PLAIN_FROM || a >= PLAIN_BELOW) return exponent(v);
        if (v == Math.rint(v)) return Long.toString((long) v);
        BigDecimal d = new BigDecimal(Double.toString(v));
        int whole = d.precision() - d.scale(); // digits before the point
        BigDecimal r = d.round(new MathContext(Math.max(SIX_DIGITS.getPrecision(), whole), RoundingMode.HALF_EVEN));
        return r.stripTrailingZeros().toPlainString();
    }

    /** {@code 1.5e-7}, {@code -2.25e20}: six significant digits at most. */
    private static String exponent(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).round(SIX_DIGITS).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exp).toPlainString();
        return mantissa + "e" + exp;
    }

    /**
     * Exactly, for machine-readable output: the shortest digits that read back to {@code v}, in
     * Java's form, the same cell the runs CSV writes ({@code 2.0E23}, {@code -Infinity}).
     */
    public static String exact(double v) {
        // Jackson's Schubfach, as the CSV export uses: JDK 17's Double.toString is not always
        // shortest (2e23 comes out 1.9999999999999998E23), so the two CSVs would disagree.
        return NumberOutput.toString(v, true);
    }

    /** The time to the second in the system's zone; empty for none. */
    public static String time(Long epochMillis) {
        return time(epochMillis, ZoneId.systemDefault());
    }

    /** The time to the second in the zone; empty for none (or an unset 0). */
    public static String time(Long epochMillis, ZoneId zone) {
        if (epochMillis == null || epochMillis <= 0) return "";
        return TIME.withZone(zone).format(Instant.ofEpochMilli(epochMillis));
    }

    /** The time to the millisecond, for metric points logged in quick succession. */
    public static String timeMillis(long epochMillis, ZoneId zone) {
        return TIME_MS.withZone(zone).format(Instant.ofEpochMilli(epochMillis));
    }

    /** The time with its UTC offset, for tooltips. */
    public static String zoned(long epochMillis) {
        return ZONED.withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(epochMillis));
    }

    /** "just now", "5 minutes ago", "yesterday", "12 days ago", then the date. */
    public static String relative(long epochMillis, long now) {
        long s = (now - epochMillis) / 1000;
        if (s < 0) return time(epochMillis);
        if (s < 10) return "just now";
        if (s < 60) return s + " seconds ago";
        long m = s / 60;
        if (m < 60) return count(m, "minute") + " ago";
        long h = m / 60;
        if (h < 24) return count(h, "hour") + " ago";
        long d = h / 24;
        if (d < 2) return "yesterday";
        if (d < 30) return d + " days ago";
        return DATE.withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(epochMillis));
    }

    /** A run's duration; while it runs (no end), the time it has taken until {@code now}. */
    public static String duration(long startMillis, Long endMillis, long now) {
        return duration((endMillis == null ? now : endMillis) - startMillis);
    }

    /** {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 03m}, {@code 3d 04h}. */
    public static String duration(long millis) {
        long ms = Math.max(0, millis);
        if (ms < 1000) return ms + "ms";
        if (ms < 60_000) {
            long tenths = Math.round(ms / 100.0);
            if (tenths < 600) return tenths / 10 + "." + tenths % 10 + "s";
            ms = 60_000; // 59.96 s reads as a minute, not as "60.0s"
        }
        long s = ms / 1000;
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        if (s < 86_400) return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** 512 B, 12.3 KB, 4.1 MB, 150 MB; empty for an unknown size. */
    public static String bytes(Long size) {
        if (size == null) return "";
        if (size < 1024) return size + " B";
        double v = size;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** 1,234,567 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 run", "2 runs", "1,000 runs": the noun's plural is the noun with an s. */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 entry", "3 entries". */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
