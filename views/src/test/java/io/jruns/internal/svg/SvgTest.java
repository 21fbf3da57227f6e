package io.jruns.internal.svg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<img src=x onerror=alert(1)>  | &lt;img src=x onerror=alert(1)&gt;",
            "a & b \"c\" 'd'               | a &amp; b &quot;c&quot; &#39;d&#39;",
            "plain                         | plain",
    })
    void escapesMarkupInTextAndAttributes(String in, String out) {
        assertEquals(out, Svg.esc(in));
    }

    @Test
    void charactersXmlCannotCarryAreReplaced() {
        assertEquals("a\uFFFDb\tc", Svg.esc("a\u0001b\tc"));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1", "1.25, 1.3", "-0.04, 0", "12.34, 12.3", "NaN, 0"})
    void coordinatesAreShort(double v, String shown) {
        assertEquals(shown, Svg.n(v).equals("-0") ? "0" : Svg.n(v));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1500, 1500", "0.5, 0.5", "0.123456, 0.1235", "0.0001, 1e-4", "0.00025, 2.5e-4", "12345678, 1.23e7"})
    void numberLabelsAreShort(double v, String shown) {
        assertEquals(shown, Num.label(v));
    }

    @Test
    void labelsAreClippedOnCodePoints() {
        assertEquals("abc\u2026", Labels.clip("abcdefgh", 4));
        assertEquals("\uD83D\uDE00\u2026", Labels.clip("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2));
        assertEquals("short", Labels.clip("short", 10));
    }

    @Test
    void paletteEndsAndCategoriesRepeat() {
        assertEquals("#3f66c9", Palette.LINES.at(0));
        assertEquals("#d3493f", Palette.LINES.at(1));
        assertEquals("#d3493f", Palette.LINES.at(7), "clamped");
        assertEquals(Palette.category(0), Palette.category(10));
        assertTrue(List.of(Palette.category(1), Palette.category(2)).stream().distinct().count() == 2);
    }
}
