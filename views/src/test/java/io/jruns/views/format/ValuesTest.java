package io.jruns.views.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "0.01      | true",
            "3.0E-4    | true",
            "' 42 '    | true",
            "1.        | true",
            "-7        | true",
            "adam      | false",
            "1e        | false",
            "NaN       | false",
            "Infinity  | false",
            "1d        | false",
            "''        | false",
            "null      | false",
    })
    void textIsNumericWhenItReadsAsAFiniteNumber(String text, boolean numeric) {
        assertEquals(numeric, Values.isNumeric(text));
        assertEquals(numeric, Double.isFinite(Values.number(text)));
    }

    @ParameterizedTest
    @CsvSource({"0.5", "NaN", "Infinity"})
    void everyNumberIsNumericEvenALoggedNaN(double v) {
        assertEquals(true, Values.isNumeric(v));
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Values.number(v)));
    }
}
