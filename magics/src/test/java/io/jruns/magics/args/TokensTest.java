package io.jruns.magics.args;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("   ", List.of()),
                Arguments.of("a b  c", List.of("a", "b", "c")),
                Arguments.of("\"two words\" x", List.of("two words", "x")),
                Arguments.of("K=\"a b\" --tag", List.of("K=a b", "--tag")),
                Arguments.of("'single quoted' \"\"", List.of("single quoted", "")),
                Arguments.of("\"say \\\"hi\\\"\"", List.of("say \"hi\"")),
                Arguments.of("'no \\\"escape'", List.of("no \\\"escape")),
                Arguments.of("\"C:\\data\\x\"", List.of("C:\\data\\x")),
                Arguments.of("path\\with\\backslash", List.of("path\\with\\backslash")),
                Arguments.of("\ttab\tseparated ", List.of("tab", "separated")));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("cases")
    void splitsLikeAShell(String text, List<String> words) {
        assertEquals(words, Tokens.split(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"open", "a 'b", "K=\"v"})
    void anUnclosedQuoteIsAClearErrorWithItsColumn(String text) {
        JrunsException e = assertThrows(JrunsException.class, () -> Tokens.split(text));
        assertTrue(e.getMessage().matches("unclosed [\"'] quote \\(opened at column \\d+\\)"), e.getMessage());
    }
}
