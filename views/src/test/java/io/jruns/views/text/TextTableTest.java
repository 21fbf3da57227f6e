package io.jruns.views.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTableTest {
    @Test
    void textLeftNumbersRightNoTrailingBlanks() {
        String t = new TextTable().column("name").column("value", true).column("note")
                .row("a", "1", "x").row("longer", "12.5", "").render();
        assertEquals("name    value  note\na           1  x\nlonger   12.5\n", t);
    }

    @Test
    void wideCharactersTakeTwoCellsSoColumnsStillLineUp() {
        String t = new TextTable().column("metrics.损失").column("run").row("0.5", "a").row("1", "日本").render();
        // "metrics.损失" is 12 cells wide, as the 12 of "0.5" and its 9 blanks
        assertEquals("metrics.损失  run\n0.5" + " ".repeat(9 + 2) + "a\n1" + " ".repeat(11 + 2) + "日本\n", t);
    }

    @Test
    void aFieldValueBlockHasNoHeaderLine() {
        String t = new TextTable().column("field").column("value").withoutHeaders().row("run_id", "abc").row("name", "x").render();
        assertEquals("run_id  abc\nname    x\n", t);
    }

    @Test
    void aRowMustFillEveryColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextTable().column("a").column("b").row("only one"));
        assertEquals("1 cells for 2 columns", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain        | 10 | plain",
            "0123456789ab | 10 | 012345678…",
            "0123456789   | 10 | 0123456789"})
    void cellsAreCut(String in, int max, String out) {
        assertEquals(out, TextTable.cell(in, max));
    }

    @Test
    void cellsStayOnOneLine() {
        assertEquals("a\\nb\\tc\\r?", TextTable.cell("a\nb\tc\r\u0007", 50));
        assertEquals("-", TextTable.cell(null, 5));
    }
}
