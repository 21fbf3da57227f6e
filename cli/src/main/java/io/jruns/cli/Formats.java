package io.jruns.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How values read in a table: local times, short durations, compact numbers, one-line text. */
final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOCAL_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    static final String NONE = "-";

    private Formats() {
    }

    /** ISO local date and time, to the second, in the given zone. */
    static String time(Long epochMillis, ZoneId zone) {
        if (epochMillis == null || epochMillis <= 0) return NONE;
        return LOCAL.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    }

    static String timeMillis(long epochMillis, ZoneId zone) {
        return LOCAL_MS.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    }

    /** {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 03m}, {@code 3d 04h}; "-" while running. */
    static String duration(long start, Long end) {
        if (end == null || start <= 0) return NONE;
        long ms = Math.max(0, end - start);
        if (ms < 1000) return ms + "ms";
        if (ms < 60_000) return String.format("%.1fs", ms / 1000.0);
        long s = ms / 1000;
        if (s < 3600) return String.format("%dm %02ds", s / 60, s % 60);
        if (s < 86_400) return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        return String.format("%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** Six significant digits, no trailing zeros; exponent form only for very large or small values. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        BigDecimal d = BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-4 && abs < 1e12 ? d.toPlainString() : d.toString();
    }

    /** Exactly, for machine-readable output: Java's shortest round-tripping form. */
    static String exact(double v) {
        return Double.toString(v);
    }

    /** One line at most {@code max} characters: line breaks and tabs shown escaped, the rest cut with "…". */
    static String cell(String s, int max) {
        if (s == null) return NONE;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return b.length() <= max ? b.toString() : b.substring(0, max - 1) + "…";
    }
}
