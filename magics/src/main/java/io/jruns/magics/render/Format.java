package io.jruns.magics.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How numbers, times and durations read in tables. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Format() {
    }

    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) return String.format(java.util.Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
        return String.format(java.util.Locale.ROOT, "%.4e", v);
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String duration(long startMillis, Long endMillis) {
        long end = endMillis == null ? System.currentTimeMillis() : endMillis;
        Duration d = Duration.ofMillis(Math.max(0, end - startMillis));
        if (d.toMinutes() == 0) return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        if (d.toHours() == 0) return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
}
