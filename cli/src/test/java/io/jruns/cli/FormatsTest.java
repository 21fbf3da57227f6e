package io.jruns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0", "1, 1", "-2.5, -2.5", "0.1, 0.1", "0.30000000000000004, 0.3", "123456789, 123457000",
            "3.14159265, 3.14159", "0.000123456789, 0.000123457", "1e-7, 1E-7", "1e15, 1E+15",
            "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity", "1.7976931348623157E308, 1.79769E+308"})
    void numbersAreCompact(double v, String shown) {
        assertEquals(shown, Formats.number(v));
    }

    @ParameterizedTest
    @CsvSource({"0, 0ms", "850, 850ms", "1000, 1.0s", "12345, 12.3s", "65000, 1m 05s", "3599999, 59m 59s",
            "3600000, 1h 00m", "7380000, 2h 03m", "273600000, 3d 04h"})
    void durations(long ms, String shown) {
        assertEquals(shown, Formats.duration(1_000_000, 1_000_000 + ms));
    }

    @Test
    void noEndOrStartIsADash() {
        assertEquals("-", Formats.duration(5, null));
        assertEquals("-", Formats.duration(0, 10L));
        assertEquals("-", Formats.time(null, ZoneOffset.UTC));
        assertEquals("1970-01-01 00:00:01", Formats.time(1000L, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain        | 10 | plain",
            "0123456789ab | 10 | 012345678…",
            "0123456789   | 10 | 0123456789"})
    void cellsAreCut(String in, int max, String out) {
        assertEquals(out, Formats.cell(in, max));
    }

    @Test
    void cellsStayOnOneLine() {
        assertEquals("a\\nb\\tc\\r?", Formats.cell("a\nb\tc\r\u0007", 50));
        assertEquals("-", Formats.cell(null, 5));
    }

    @Test
    void tablesAlignTextLeftAndNumbersRight() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new TextTable().column("name").column("value", true).column("note")
                .row("a", "1", "x").row("longer", "12.5", "").print(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String sep = System.lineSeparator();
        assertEquals("name    value  note" + sep + "a           1  x" + sep + "longer   12.5" + sep,
                buf.toString(StandardCharsets.UTF_8));
    }
}
