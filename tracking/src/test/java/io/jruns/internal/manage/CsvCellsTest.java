package io.jruns.internal.manage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cells: RFC 4180 quoting, and formula injection neutralised except for plain numbers. */
class CsvCellsTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain              | plain",
            "=1+2               | '=1+2",
            "+1 sensible        | '+1 sensible",
            "-2+3+cmd' /C calc'!A0 | `'-2+3+cmd' /C calc'!A0`",
            "@SUM(A1)           | '@SUM(A1)",
            "-0.5               | -0.5",
            "+3                 | +3",
            "-1.0E-5            | -1.0E-5",
            ".5                 | .5",
            "-Infinity          | '-Infinity",
            "-                  | '-",
            "'quoted'           | 'quoted'",
            "a,b                | `\"a,b\"`",
            "say \"hi\"         | `\"say \"\"hi\"\"\"`",
            "=HYPERLINK(\"x\",1) | `\"'=HYPERLINK(\"\"x\"\",1)\"`",
            "x=1                | x=1"})
    void textCells(String value, String expected) {
        assertEquals(expected, CsvCells.text(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`line\nbreak`      | `\"line\nbreak\"`",
            "`\tTAB`            | `'\tTAB`",
            "`\rCR`             | `\"'\rCR\"`"})
    void controlCharacters(String value, String expected) {
        assertEquals(expected, CsvCells.text(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "0.25        | 0.25",
            "-0.25       | -0.25",
            "1e-5        | 1.0E-5",
            "3           | 3.0",
            "NaN         | NaN",
            "Infinity    | Infinity",
            "-Infinity   | '-Infinity"})
    void numberCells(double value, String expected) {
        assertEquals(expected, CsvCells.number(value));
    }
}
