package io.jruns.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CellParserTest {

    static Stream<Arguments> segmentCases() {
        return Stream.of(
                Arguments.of("int x = 1;", List.of(new ParsedCell.Java("int x = 1;", 1))),
                Arguments.of("%help", List.of(new ParsedCell.LineMagic("help", "", 1))),
                Arguments.of("  %maven a:b:1  --repo u ", List.of(new ParsedCell.LineMagic("maven", "a:b:1  --repo u", 1))),
                Arguments.of("%jars lib/*.jar\nFoo.bar()", List.of(
                        new ParsedCell.LineMagic("jars", "lib/*.jar", 1), new ParsedCell.Java("Foo.bar()", 2))),
                Arguments.of("int a = 10\n  % 3;", List.of(new ParsedCell.Java("int a = 10\n  % 3;", 1))),
                Arguments.of("\n\nint a = 1;\n%notebook x.ipynb\n\nint b = 2;", List.of(
                        new ParsedCell.Java("\n\nint a = 1;", 1),
                        new ParsedCell.LineMagic("notebook", "x.ipynb", 4),
                        new ParsedCell.Java("\nint b = 2;", 5))),
                Arguments.of("%runs                  // the table, inline", List.of(new ParsedCell.LineMagic("runs", "", 1))),
                Arguments.of("%run start lr // note", List.of(new ParsedCell.LineMagic("run", "start lr", 1))),
                Arguments.of("%artifact http://h/x", List.of(new ParsedCell.LineMagic("artifact", "http://h/x", 1))),
                Arguments.of("%tag k='a // b' // c", List.of(new ParsedCell.LineMagic("tag", "k='a // b'", 1))),
                Arguments.of("%runs tags.`a //b` = \"x\" // c", List.of(new ParsedCell.LineMagic("runs", "tags.`a //b` = \"x\"", 1))),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("segmentCases")
    void splitsJavaAndLineMagics(String code, List<ParsedCell.Segment> expected) {
        assertEquals(new ParsedCell.Segments(expected), CellParser.parse(code));
    }

    @Test
    void firstLineCellMagicTakesTheRest() {
        assertEquals(new ParsedCell.CellMagic("run", "\"my run\" --nested", "int x = 1;\n%metric a=1", 3),
                CellParser.parse("\n%%run \"my run\" --nested  // a comment\nint x = 1;\n%metric a=1"));
    }

    @Test
    void cellMagicLaterInTheCellIsNotACellMagic() {
        assertEquals(new ParsedCell.Segments(List.of(new ParsedCell.Java("int x = 1;\n%%run", 1))),
                CellParser.parse("int x = 1;\n%%run"));
    }

    @Test
    void maskingKeepsOffsets() {
        String code = "%maven a:b:1\nint x = 1;";
        String masked = CellParser.maskMagics(code);
        assertEquals(code.length(), masked.length());
        assertEquals("            \nint x = 1;", masked);
    }
}
