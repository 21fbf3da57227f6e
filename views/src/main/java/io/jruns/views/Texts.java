package io.jruns.views;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and durations as the comparison tables show them. */
public final class Texts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    public static String time(Long epochMillis) {
        return epochMillis == null ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** "0.4s", "3m 12s", "2h 5m", "3d 4h"; to now while the run is still going. */
    public static String duration(long startMillis, Long endMillis, long nowMillis) {
        long end = endMillis == null ? nowMillis : endMillis;
        Duration d = Duration.ofMillis(Math.max(0, end - startMillis));
        if (d.toMinutes() == 0) {
            long tenths = Math.round(d.toMillis() / 100.0);
            return tenths >= 600 ? "1m 0s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        if (d.toHours() == 0) return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        if (d.toDays() == 0) return d.toHours() + "h " + d.toMinutesPart() + "m";
        return d.toDays() + "d " + d.toHoursPart() + "h";
    }
}
