package io.jruns.internal.svg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisTest {
    @Test
    void numbersMapLinearlyAndMissingValuesToNaN() {
        Axis a = Axis.of(Arrays.asList("1", 3.0, null, "2"), 0, 100, false);
        assertTrue(a.numeric());
        assertFalse(a.log());
        assertEquals(0, a.pos("1"));
        assertEquals(50, a.pos(2.0));
        assertEquals(100, a.pos(3));
        assertTrue(Double.isNaN(a.pos(null)));
        assertTrue(Double.isNaN(a.pos(Double.NaN)));
    }

    @Test
    void positiveNumbersOverAFactorOfTwentyGetALogScale() {
        Axis a = Axis.of(List.of(0.001, 0.01, 0.1), 0, 100, false);
        assertTrue(a.log());
        assertEquals(50, a.pos(0.01), 1e-9);
        assertEquals("lr (log)", a.title("lr"));
        assertFalse(Axis.linear(List.of(0.001, 0.1), 0, 1).log(), "colour scales stay linear");
        assertFalse(Axis.of(List.of(0.0, 0.1, 10.0), 0, 1, false).log(), "zero cannot go on a log scale");
    }

    @Test
    void textMakesACategoricalAxisOrderedNumbersFirst() {
        Axis a = Axis.of(List.of("sgd", "10", "adam", "2", "Adam"), 0, 40, false);
        assertFalse(a.numeric());
        assertEquals(List.of("2", "10", "Adam", "adam", "sgd"), a.ticks(10).stream().map(Axis.Tick::label).toList());
        assertEquals(0, a.pos("2"));
        assertEquals(40, a.pos("sgd"));
        assertTrue(Double.isNaN(a.pos("rmsprop")));
    }

    @Test
    void aSingleValueGetsARangeAroundIt() {
        Axis a = Axis.of(List.of(5.0, 5.0), 0, 100, false);
        assertEquals(50, a.pos(5.0), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"1e-3, 0.001", "NaN, NaN", "1f, NaN", "'', NaN", "0x10, NaN", "-2.5, -2.5", "Infinity, NaN", "7., 7"})
    void textIsANumberOnlyWhenItReadsAsOne(String text, double expected) {
        assertEquals(expected, Axis.number(text));
    }

    @Test
    void niceTicksAndLogTicks() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.of(0, 1, 5));
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0), Ticks.log(0.001, 1));
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0), Ticks.log(1, 100));
    }
}
