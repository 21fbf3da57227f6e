package io.jruns.magics.expand;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a magic's line is read: IPython's $name, {expression} and escapes, Java's brackets and literals inside. */
class LineTemplateTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // line as typed                       | the line with each part shown as <kind:source@column>
            "lr=0.1                                | lr=0.1",
            "lr=$lr                                | lr=<V:lr@4>",
            "price=$$5 $ $1 a$                     | price=$5 $ $1 a$",
            "lr-{lr}                               | lr-<E:lr@4>",
            "lr={lr * 2}                           | lr=<E:lr * 2@4>",
            "a={ cfg.get(\"a\") }                  | a=<E:cfg.get(\"a\")@3>",
            "{{lr}} {{{lr}}} }}                    | {lr} {<E:lr@10>} }",
            "json={{\"a\":1}}                      | json={\"a\":1}",
            "n={xs.stream().map(x -> { return x; }).count()} | n=<E:xs.stream().map(x -> { return x; }).count()@3>",
            "s={\"}\" + '{' + \"\\\"}\"}           | s=<E:\"}\" + '{' + \"\\\"}\"@3>",
            "m={Map.of(\"k\", new int[]{1}[0])}    | m=<E:Map.of(\"k\", new int[]{1}[0])@3>",
            "$a{b}$c                               | <V:a@1><E:b@3><V:c@6>",
            "`'{x}' \"$y\"`                        | '<E:x@2>' \"<V:y@8>\"",
    })
    void partsAreFoundAndEscapesRead(String line, String expected) {
        assertEquals(expected, shown(LineTemplate.parse(line)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a={                | '{' at column 3 is not closed (a literal { is {{)",
            "a={f(}             | '}' at column 6 in the expression opened at column 3 closes nothing there (expected ')')",
            "a={xs[0)}          | ')' at column 8 in the expression opened at column 3 closes nothing there (expected ']')",
            "a={\"}              | '{' at column 3 is not closed (a literal { is {{)",
            "a=}                | '}' at column 3 closes no '{' (a literal } is }})",
            "a={} b=1           | {} at column 3 holds no expression (a literal { is {{)",
            "`a={  }`           | {} at column 3 holds no expression (a literal { is {{)",
    })
    void aBraceWithoutItsPairSaysWhere(String line, String message) {
        assertEquals(message, assertThrows(JrunsException.class, () -> LineTemplate.parse(line)).getMessage());
    }

    private static String shown(LineTemplate t) {
        String text = t.text();
        for (int i = 0; i < t.holes().size(); i++) {
            LineTemplate.Hole h = t.holes().get(i);
            text = text.replace(LineTemplate.mark(i), "<" + h.kind().name().charAt(0) + ":" + h.source() + "@" + h.column() + ">");
        }
        return text;
    }
}
