package io.jruns.magics.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {
    static final long NOW = 1_700_000_000_000L;

    @org.junit.jupiter.api.Test
    void numbersReadAsFourSignificantDigitsLikePercentG() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double v = Math.pow(10, -4 + rnd.nextDouble() * 7.99) * (rnd.nextBoolean() ? 1 : -1);
            if (v == Math.rint(v)) continue;
            String reference = String.format(java.util.Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
            assertEquals(reference, Format.number(v), "for " + v);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0        | just now",
            "42       | 42 seconds ago",
            "60       | 1 minute ago",
            "3599     | 59 minutes ago",
            "7200     | 2 hours ago",
            "90000    | yesterday",
            "864000   | 10 days ago",
    })
    void startTimesReadRelative(long secondsAgo, String shown) {
        assertEquals(shown, Format.relative(NOW - secondsAgo * 1000, NOW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400      | 0.4s",
            "59940    | 59.9s",
            "59990    | 1m 0s",
            "192000   | 3m 12s",
            "7500000  | 2h 5m",
            "277200000| 3d 5h",
    })
    void durationsAreShort(long millis, String shown) {
        assertEquals(shown, Format.duration(NOW - millis, NOW, NOW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"512 | 512 B", "12595 | 12.3 KB", "4299161 | 4.1 MB", "157286400 | 150 MB"})
    void sizesAreReadable(long bytes, String shown) {
        assertEquals(shown, Format.bytes(bytes));
    }
}
