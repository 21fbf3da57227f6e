package io.jruns.internal.manage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            "-1.5               | -1.5",
            "-1e-9              | -1e-9",
            "-Infinity          | -Infinity",
            "+Infinity          | +Infinity",
            "Infinity           | Infinity",
            "NaN                | NaN",
            "-Infinityx         | '-Infinityx",
            "-Inf               | '-Inf",
            "-NaN               | '-NaN",
            "-1e                | '-1e",
            "-1.5.2             | '-1.5.2",
            "`-cmd|' /C calc'!A0` | `'-cmd|' /C calc'!A0`",
            "=1+2               | '=1+2",
            "+x                 | '+x",
            "@SUM(1)            | '@SUM(1)",
            "-                  | '-",
            "+                  | '+",
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
            "1e7         | 1.0E7",
            "9999999     | 9999999.0",
            "0.001       | 0.001",
            "2e23        | 2.0E23",
            "-0.0        | -0.0",
            "4.9e-324    | 4.9E-324",
            "NaN         | NaN",
            "Infinity    | Infinity",
            "-Infinity   | -Infinity",
            "-1e-9       | -1.0E-9",
            "-1.5        | -1.5"})
    void numberCells(double value, String expected) {
        assertEquals(expected, CsvCells.number(value));
    }

    /**
     * Any double, by its bits: the cell reads back to it, is never longer than Java's own form,
     * and is a number to the formula guard too (a text cell of it is written unchanged).
     */
    @Test
    void numbersReadBackExactly() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d)) continue;
            String cell = CsvCells.number(d);
            assertEquals(d, Double.parseDouble(cell), cell);
            assertTrue(cell.length() <= Double.toString(d).length(), cell);
            assertEquals(cell, CsvCells.text(cell));
        }
    }
}
