package io.jruns.magics.args;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsParserTest {
    private static final List<OptionSpec> RUN = List.of(OptionSpec.flag("nested", ""),
            OptionSpec.repeated("tag", "K=V", ""), OptionSpec.value("note", "TEXT", ""));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "start                          | start",
            "start rf                       | start,rf",
            "start \"my run\"               | start,my run",
            "start 'my run'                 | start,my run",
            "a=\"x y\" b=2                  | a=x y,b=2",
            "\"a \\\"q\\\" b\"              | a \"q\" b",
    })
    void splitsWordsLikeAShell(String line, String expected) {
        List<String> words = Tokens.split(line);
        assertEquals(List.of(expected.split(",")), words);
    }

    @Test
    void quotedBlankWordsSurvive() {
        assertEquals(List.of("a", "  ", ""), Tokens.split("a '  ' \"\""));
    }

    @Test
    void readsFlagsValuesAndRepeats() {
        ParsedArgs a = ArgsParser.parse("run", RUN, "start rf --nested --tag a=1 --tag \"b=two words\" --note=hello");
        assertEquals(List.of("start", "rf"), a.positional());
        assertTrue(a.flag("nested"));
        assertEquals(List.of("a=1", "b=two words"), a.values("tag"));
        assertEquals("hello", a.value("note").orElseThrow());
        assertFalse(a.flag("missing"));
    }

    @org.junit.jupiter.api.Test
    void doubleDashEndsOptionsAndOneLetterOptionsTakeOneDash() {
        assertEquals(List.of("start", "--note", "-1"), ArgsParser.parse("run", RUN, "start -- --note -1").positional());
        List<OptionSpec> xy = List.of(OptionSpec.value("x", "K", ""), OptionSpec.value("y", "K", ""));
        ParsedArgs a = ArgsParser.parse("compare", xy, "a -x lr --y=rmse -5");
        assertEquals("lr", a.value("x").orElseThrow());
        assertEquals("rmse", a.value("y").orElseThrow());
        assertEquals(List.of("a", "-5"), a.positional(), "a dash word that names no option stays positional");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "start --bogus          | %run: unknown option --bogus (expected --nested, --tag, --note)",
            "start --note           | %run: --note needs a value (TEXT)",
            "start --nested=yes     | %run: --nested takes no value",
            "start --note a --note b| %run: --note is given twice",
            "start --nested --nested| %run: --nested is given twice",
            "start \"unclosed       | unclosed \" quote (opened at column 7)",
    })
    void badInputIsOneClearLine(String line, String message) {
        JrunsException e = assertThrows(JrunsException.class, () -> ArgsParser.parse("run", RUN, line));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void keyValuesAndNumbers() {
        ParsedArgs a = ArgsParser.parse("metric", List.of(OptionSpec.value("step", "N", "")), "loss=0.5 acc=1 --step 7");
        assertEquals(7L, a.longValue("step").orElseThrow());
        assertEquals("0.5", a.keyValues(0).get("loss"));
        ParsedArgs bad = ArgsParser.parse("metric", List.of(OptionSpec.value("step", "N", "")), "x --step seven");
        assertEquals("%metric: --step takes a whole number, not 'seven'",
                assertThrows(JrunsException.class, () -> bad.longValue("step")).getMessage());
        assertEquals("%metric: expected KEY=VALUE, got 'x'",
                assertThrows(JrunsException.class, () -> bad.keyValues(0)).getMessage());
    }
}
