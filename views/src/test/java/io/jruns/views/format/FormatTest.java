package io.jruns.views.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {
    static final long NOW = 1_700_000_000_000L;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0                      | 0",
            "-0.0                   | 0",
            "1                      | 1",
            "-2.5                   | -2.5",
            "0.1                    | 0.1",
            "0.30000000000000004    | 0.3",
            "3.0E-4                 | 0.0003",
            "0.000123456789         | 0.000123457",
            "0.00001234             | 0.00001234",
            "0.000001               | 0.000001",
            "1e-7                   | 1e-7",
            "-1.5e-9                | -1.5e-9",
            "0.99995                | 0.99995",
            "0.123456789            | 0.123457",
            "3.14159265             | 3.14159",
            "12345.67               | 12345.7",
            "123456.789             | 123457",
            "1234567.89             | 1234568",
            "123456789              | 123456789",
            "999999999999999        | 999999999999999",
            "1e15                   | 1e15",
            "2.5e20                 | 2.5e20",
            "1.7976931348623157E308 | 1.79769e308",
            "NaN                    | NaN",
            "Infinity               | Infinity",
            "-Infinity              | -Infinity",
    })
    void numbersReadPlainToSixDigits(double v, String shown) {
        assertEquals(shown, Format.number(v));
    }

    /** Machine-readable values are the shortest exact digits, as the runs CSV writes them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.1         | 0.1",
            "3           | 3.0",
            "2e23        | 2.0E23",
            "-1e-9       | -1.0E-9",
            "4.9e-324    | 4.9E-324",
            "NaN         | NaN",
            "-Infinity   | -Infinity"})
    void exactIsShortestAndReadsBack(double v, String shown) {
        assertEquals(shown, Format.exact(v));
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(shown)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0         | 0ms",
            "850       | 850ms",
            "999       | 999ms",
            "1000      | 1.0s",
            "12345     | 12.3s",
            "59940     | 59.9s",
            "59990     | 1m 00s",
            "65000     | 1m 05s",
            "192000    | 3m 12s",
            "3599999   | 59m 59s",
            "3600000   | 1h 00m",
            "7380000   | 2h 03m",
            "273600000 | 3d 04h",
            "-5        | 0ms",
    })
    void durationsReadInTwoUnitsAtMost(long millis, String shown) {
        assertEquals(shown, Format.duration(millis));
        assertEquals(shown, Format.duration(NOW - millis, NOW, 0), "a finished run's duration does not depend on now");
    }

    @Test
    void aRunningRunsDurationCountsToNow() {
        assertEquals("4.2s", Format.duration(NOW - 4200, null, NOW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0       | just now",
            "42      | 42 seconds ago",
            "60      | 1 minute ago",
            "3599    | 59 minutes ago",
            "3600    | 1 hour ago",
            "7200    | 2 hours ago",
            "90000   | yesterday",
            "864000  | 10 days ago",
    })
    void startTimesReadRelative(long secondsAgo, String shown) {
        assertEquals(shown, Format.relative(NOW - secondsAgo * 1000, NOW));
    }

    @Test
    void timesAreLocalToTheZoneAndEmptyWhenUnset() {
        assertEquals("2023-11-14 22:13:20", Format.time(NOW, ZoneOffset.UTC));
        assertEquals("2023-11-15 03:43:20", Format.time(NOW, java.time.ZoneId.of("Asia/Kolkata")));
        assertEquals("2023-11-14 22:13:20.123", Format.timeMillis(NOW + 123, ZoneOffset.UTC));
        assertEquals("", Format.time(null, ZoneOffset.UTC));
        assertEquals("", Format.time(0L, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 | 0 B", "512 | 512 B", "1024 | 1.0 KB", "12595 | 12.3 KB", "4299161 | 4.1 MB",
            "157286400 | 150 MB", "2147483648 | 2.0 GB"})
    void sizesAreReadable(long bytes, String shown) {
        assertEquals(shown, Format.bytes(bytes));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0       | experiment | 0 experiments",
            "1       | experiment | 1 experiment",
            "2       | experiment | 2 experiments",
            "1000    | run        | 1,000 runs",
            "1234567 | run        | 1,234,567 runs",
    })
    void countsTakeTheRightNoun(long n, String noun, String shown) {
        assertEquals(shown, Format.count(n, noun));
    }

    @Test
    void irregularPluralsAreGiven() {
        assertEquals("1 entry", Format.count(1, "entry", "entries"));
        assertEquals("3 entries", Format.count(3, "entry", "entries"));
    }
}
