package io.jruns.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start-up imports deferred on a real JShell: a cell that needs none runs before them, a cell
 * that needs one sees what it would have seen had they run first, and nothing runs twice.
 */
class DeferredSnippetsTest {
    private static final List<String> IMPORTS = List.of("import java.util.*;", "import java.util.stream.*;",
            "import static java.util.Collections.*;");
    private JShellEvaluator ev;
    private final List<String> failed = new ArrayList<>();

    @BeforeEach
    void start() {
        ev = JShellEvaluator.create(List.of());
        ev.defer(IMPORTS, (code, failure) -> failed.add(code + " -> " + failure.getMessage()));
    }

    @AfterEach
    void stop() {
        ev.close();
    }

    private EvalOutcome eval(String code) {
        return ev.eval(code, new SourceRef("cell [1]", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + 1", "System.out.print(\"\")", "Math.max(3, 4)", "String s = \"a\" + Integer.MAX_VALUE;"})
    void aCellThatNeedsNoImportRunsBeforeThem(String code) {
        eval(code);
        assertTrue(ev.hasDeferred(), "the imports are still pending");
    }

    @Test
    void aCellRunsOnlyTheImportsItUses() {
        assertEquals(List.of(1, 2), eval("new ArrayList<>(List.of(1, 2))").value());
        assertTrue(ev.hasDeferred(), "java.util.stream and the static import are not used yet");
        assertEquals(3L, eval("Stream.of(1, 2, 3).count()").value());
        assertEquals(0, eval("emptyList().size()").value());
        assertFalse(ev.hasDeferred());
        assertEquals(List.of(), failed);
    }

    @Test
    void aCellThatFailsForWantOfAPendingSnippetIsEvaluatedAgainAfterThemAll() {
        ev.defer(List.of("int answer = 42;"), (code, failure) -> failed.add(code));
        assertEquals(43, eval("answer + 1").value());
        assertFalse(ev.hasDeferred());
    }

    @Test
    void snippetsBeforeTheOneThatNeededAPendingSnippetRunOnce() {
        ev.defer(List.of("int answer = 42;"), (code, failure) -> failed.add(code));
        EvalOutcome o = eval("int[] count = {0};\ncount[0]++;\nint xs = answer;\ncount[0]");
        assertEquals(1, o.value());
        assertEquals(List.of("count", "xs"), o.assigned());
    }

    @Test
    void aDeclarationUsingAStaticImportIsUsableWithoutANote() {
        EvalOutcome o = eval("int names() { return nCopies(1, \"a\").size(); }");
        assertEquals(List.of(), o.notes());
        assertEquals(1, eval("names()").value());
    }

    @Test
    void aRealCompileErrorIsStillReportedAfterTheImportsRan() {
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("int s = missing();"));
        assertEquals("cannot find symbol", f.getMessage());
        assertFalse(ev.hasDeferred());
    }

    @Test
    void backgroundStepsRunThemInOrderAndCompletionSeesThem() {
        assertTrue(ev.runNextDeferred());
        assertTrue(ev.runNextDeferred());
        assertFalse(ev.runNextDeferred());
        assertFalse(ev.hasDeferred());
        assertTrue(ev.analysis().complete("Collecto", 8).matches().contains("Collectors"));
        assertEquals(List.of(), failed);
    }

    @Test
    void completionRunsPendingImportsFirst() {
        assertTrue(ev.analysis().complete("ArrayLi", 7).matches().contains("ArrayList"));
        assertFalse(ev.hasDeferred());
    }

    @Test
    void aFailingStartupSnippetIsReportedNotThrownAtTheCell() {
        ev.defer(List.of("import no.such.pkg.Thing;", "int answer = 42;"), (code, failure) -> failed.add(code));
        assertEquals(List.of(1), eval("List.of(1)").value());
        assertEquals(List.of(), failed, "a cell that does not name Thing leaves its import pending");
        assertEquals(43, eval("answer + 1").value());
        assertEquals(List.of("import no.such.pkg.Thing;"), failed);
    }
}
