package io.jruns.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgSplitterTest {

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
                Arguments.of("path\\with\\backslash", List.of("path\\with\\backslash")),
                Arguments.of("\ttab\tseparated ", List.of("tab", "separated")));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("cases")
    void splits(String text, List<String> words) {
        assertEquals(words, ArgSplitter.split(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"open", "a 'b", "K=\"v"})
    void unterminatedQuoteIsAClearError(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArgSplitter.split(text));
        assertEquals(true, e.getMessage().startsWith("unterminated"), e.getMessage());
    }
}
