package io.jruns.magics.render;

import io.jruns.views.Texts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, times, durations and sizes read in the views. */
public final class Format {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    // a UTC offset, not a zone name: zone names load locale data, slow on a notebook's first call
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")
            .withZone(ZoneId.systemDefault());

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    private Format() {
    }

    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
        return String.format(Locale.ROOT, "%.4e", v);
    }

    public static String time(long epochMillis) {
        return Texts.time(epochMillis);
    }

    /** The time with its zone, for tooltips. */
    public static String zoned(long epochMillis) {
        return ZONED.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String duration(long startMillis, Long endMillis) {
        return Texts.duration(startMillis, endMillis, System.currentTimeMillis());
    }

    public static String duration(long startMillis, Long endMillis, long now) {
        return Texts.duration(startMillis, endMillis, now);
    }

    /** "just now", "5 minutes ago", "yesterday", "12 days ago", then the date. */
    public static String relative(long epochMillis, long now) {
        long s = (now - epochMillis) / 1000;
        if (s < 0) return time(epochMillis);
        if (s < 10) return "just now";
        if (s < 60) return s + " seconds ago";
        long m = s / 60;
        if (m < 60) return m == 1 ? "1 minute ago" : m + " minutes ago";
        long h = m / 60;
        if (h < 24) return h == 1 ? "1 hour ago" : h + " hours ago";
        long d = h / 24;
        if (d < 2) return "yesterday";
        if (d < 30) return d + " days ago";
        return DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** 512 B, 12.3 KB, 4.1 MB, 2.0 GB. */
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
}
