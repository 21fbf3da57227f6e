package io.jruns.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cells name jruns's API types (and tablesaw's, java.time's) without importing them, as the docs do, on a real JShell. */
class MissingImportsTest {
    private JShellEvaluator ev;

    @BeforeEach
    void start() {
        ev = JShellEvaluator.create(List.of());
        ev.importWhenMissing(List.of("io.jruns.search", "tech.tablesaw.api", "java.time"));
    }

    @AfterEach
    void stop() {
        ev.close();
    }

    private Object eval(String code) {
        return ev.eval(code, new SourceRef("cell [1]", 1)).value();
    }

    @Test
    void aTypeACellNamesIsImportedWhenItsCompileLacksIt() {
        assertEquals(30L, eval("Duration.ofDays(30).toDays()"));
        assertEquals("t", eval("Table t = Table.create(\"t\"); t.name()"));
        assertEquals(true, eval("SearchRequest.builder() != null"));
        assertEquals(true, eval("Duration.ZERO.isZero()"), "and stays imported");
    }

    @Test
    void aDeclarationThatNamesOneIsCompletedToo() {
        eval("long days(Duration d) { return d.toDays(); }");
        assertEquals(2L, eval("days(Duration.ofDays(2))"));
    }

    @Test
    void codeThatCompilesKeepsItsOwnMeaning() {
        // Guava's Table, imported on demand by the user: tablesaw's must not shadow it
        eval("import com.google.common.collect.*;");
        assertEquals(0, eval("Table<String, String, Integer> g = HashBasedTable.create(); g.size()"));
    }

    @Test
    void aCellThatStillFailsLeavesNoImportBehind() {
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("Table t = noSuchMethod();"));
        assertTrue(String.join("\n", f.traceback()).contains("noSuchMethod"), f.traceback().toString());
        eval("import com.google.common.collect.*;");
        assertEquals(0, eval("Table<String, String, Integer> g = HashBasedTable.create(); g.size()"),
                "tablesaw's Table was not kept by the failed cell");
    }

    @Test
    void aNameNoPackageHasIsTheUsualError() {
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("NoSuchType x = null;"));
        assertTrue(String.join("\n", f.traceback()).contains("NoSuchType"), f.traceback().toString());
    }

    @Test
    void aClassTheUserDeclaresTakesTheNameFromAnImport() {
        assertEquals(1L, eval("Duration.ofSeconds(1).getSeconds()"));
        EvalOutcome declared = ev.eval("class Duration { int x = 3; }", new SourceRef("cell [2]", 1));
        assertTrue(declared.notes().stream().anyMatch(n -> n.contains("no longer the imported java.time.Duration")), declared.notes().toString());
        assertEquals(2, eval("1+1"), "the session goes on (JShell alone fails every later cell)");
        assertEquals(3, eval("new Duration().x"));
        eval("import java.util.List;");
        eval("record List(int n) {}");
        assertEquals(4, eval("new List(4).n()"), "an import the user wrote too");
    }

    @Test
    void anImportMadeForACellIsSaidOnce() {
        EvalOutcome first = ev.eval("Table.create(\"t\").name()", new SourceRef("cell [1]", 1));
        assertEquals(List.of("note: imported tech.tablesaw.api.Table for Table; an import of your own replaces it"), first.notes());
        assertEquals(List.of(), ev.eval("Table.create(\"u\").name()", new SourceRef("cell [2]", 1)).notes());
    }
}
