package io.jruns.views.html;

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
}
