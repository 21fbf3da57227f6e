package io.jruns.magics.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<img src=x onerror=alert(1)>   | &lt;img src=x onerror=alert(1)&gt;",
            "a & b                          | a &amp; b",
            "\"quoted\" 'single'            | &quot;quoted&quot; &#39;single&#39;",
            "plain                          | plain",
    })
    void escapesEverythingThatCouldBeMarkup(String in, String out) {
        assertEquals(out, Html.escape(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.5        | 0.5",
            "3          | 3",
            "123456.789 | 1.235e+05",
            "NaN        | NaN",
            "Infinity   | Infinity",
            "-Infinity  | -Infinity",
            "0.00001234 | 1.2340e-05",
    })
    void numbersReadWell(double v, String shown) {
        assertEquals(shown, Format.number(v));
    }
}
