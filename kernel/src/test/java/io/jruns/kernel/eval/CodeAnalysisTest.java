package io.jruns.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeAnalysisTest {
    private static JShellEvaluator ev;
    private static CodeAnalysis analysis;

    @BeforeAll
    static void start() {
        ev = JShellEvaluator.create(List.of());
        ev.eval("import java.util.*;", SourceRef.of("setup"));
        ev.eval("String greeting = \"hi\";", SourceRef.of("setup"));
        analysis = ev.analysis();
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1                                    | COMPLETE",
        "int x = 5;                           | COMPLETE",
        "x + 1                                | COMPLETE",
        "int a = 1;\\nint b = 2;              | COMPLETE",
        "for (int i = 0; i < 3; i++) {        | INCOMPLETE",
        "class A {                            | INCOMPLETE",
        "int y = (1 +                         | INCOMPLETE",
        "void f() {\\n  int z = 1;            | INCOMPLETE",
        "int x = ) 5;                         | INVALID",
        "'\"unterminated'                     | INVALID",
    })
    void isComplete(String code, CodeAnalysis.Status expected) {
        assertEquals(expected, analysis.isComplete(code.replace("\\n", "\n")).status(), code);
    }

    @Test
    void incompleteBlockAsksForAnIndent() {
        assertEquals("    ", analysis.isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals("      ", analysis.isComplete("void f() {\n  if (true) {").indent());
    }

    @Test
    void completesMembersOfAType() {
        CodeAnalysis.Completion c = analysis.complete("Integer.MAX_V", 13);
        assertEquals(List.of("MAX_VALUE"), c.matches());
        assertEquals(8, c.start());
        assertEquals(13, c.end());
    }

    @Test
    void completesNamesDeclaredEarlierInTheSameCell() {
        String code = "List<String> names = new ArrayList<>();\nnames.siz";
        CodeAnalysis.Completion c = analysis.complete(code, code.length());
        assertEquals(List.of("size()"), c.matches());
        assertEquals(code.length() - 3, c.start());
    }

    @Test
    void completesVariablesOfEarlierCells() {
        CodeAnalysis.Completion c = analysis.complete("greeting.toUpperC", 17);
        assertEquals(List.of("toUpperCase("), c.matches());
    }

    @Test
    void inspectShowsSignaturesOfAMethodNameWithoutParenthesis() {
        String doc = analysis.inspect("Math.max", 6, false).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        assertTrue(doc.contains("double Math.max(double a, double b)"), doc);
    }

    @Test
    void inspectOfAVariableShowsItsType() {
        String doc = analysis.inspect("greeting", 3, false).orElseThrow();
        assertTrue(doc.startsWith("greeting") && doc.endsWith("String"), doc);
    }

    @Test
    void inspectOfBlankIsNothing() {
        assertTrue(analysis.inspect("   ", 1, false).isEmpty());
    }
}
