package io.jruns.execute;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** nbclient's report of a failed cell, as a person needs it: the cell and its error, once. */
class FailureTextTest {
    private static final String REPORT = String.join("\n",
            "Traceback (most recent call last):",
            "  File \"<string>\", line 20, in <module>",
            "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:",
            "------------------",
            "int y = 1 / 0;",
            "------------------",
            "",
            "java.lang.ArithmeticException: / by zero",
            "    at cell [2], line 1",
            "ArithmeticException: / by zero",
            "");

    @Test
    void theCellAndItsTracebackWithoutPythonsOwnOrTheRepeatedLastLine() {
        assertEquals(String.join("\n",
                "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:",
                "------------------",
                "int y = 1 / 0;",
                "------------------",
                "",
                "java.lang.ArithmeticException: / by zero",
                "    at cell [2], line 1"), FailureText.of(REPORT));
    }

    @Test
    void aCompileErrorIsSaidOnceToo() {
        String report = String.join("\n",
                "An error occurred while executing the following cell:",
                "------------------",
                "int x = \"a\";",
                "------------------",
                "",
                "Compilation error in cell [5], line 2:",
                "    int x = \"a\";",
                "            ^-^",
                "incompatible types: java.lang.String cannot be converted to int",
                "CompilationError: incompatible types: java.lang.String cannot be converted to int");
        assertEquals("incompatible types: java.lang.String cannot be converted to int",
                FailureText.of(report).lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void aLastLineTheTracebackDoesNotSayStays() {
        String other = REPORT.replace("ArithmeticException: / by zero\n", "").replace("    at cell [2], line 1",
                "    at cell [2], line 1\nCompilationError: incompatible types");
        assertEquals("CompilationError: incompatible types", FailureText.of(other).lines().reduce((a, b) -> b).orElseThrow());
    }
}
