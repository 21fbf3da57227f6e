package io.jruns.internal.validate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Doubles as Python's str(float) writes them (the expected texts are Python 3.11's). */
class ValueTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0003 | 0.0003", "3.0E-4 | 0.0003", "0.01 | 0.01", "30.0 | 30.0", "1.5 | 1.5", "-2.25 | -2.25",
            "0.0001 | 0.0001", "0.00001 | 1e-05", "1.234E-7 | 1.234e-07", "1E15 | 1000000000000000.0",
            "1E16 | 1e+16", "1.5E300 | 1.5e+300", "0.1 | 0.1", "0.30000000000000004 | 0.30000000000000004",
            "123456789.123 | 123456789.123", "-0.0 | -0.0", "0.0 | 0.0", "NaN | nan", "Infinity | inf",
            "-Infinity | -inf"})
    void doublesReadAsPythonWritesThem(String java, String python) {
        assertEquals(python, ValueText.of(Double.parseDouble(java)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.1 | 0.1", "3.0E-4 | 0.0003", "1.0E10 | 10000000000.0"})
    void floatsUseTheirOwnShortestDigits(String java, String python) {
        assertEquals(python, ValueText.of(Float.parseFloat(java)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"30 | 30", "abc | abc", "true | true"})
    void otherValuesAsThemselves(String in, String out) {
        Object v = in.equals("30") ? (Object) 30 : in.equals("true") ? (Object) Boolean.TRUE : in;
        assertEquals(out, ValueText.of(v));
    }
}
