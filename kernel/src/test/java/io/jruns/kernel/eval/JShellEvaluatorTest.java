package io.jruns.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jruns.kernel.testing.TestJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator on a real JShell, executing in this JVM. One JShell for the class: it takes a second to warm. */
class JShellEvaluatorTest {
    private static JShellEvaluator ev;

    @BeforeAll
    static void start() {
        ev = JShellEvaluator.create(List.of());
        ev.eval("import java.util.*;", SourceRef.of("setup"));
    }

    @AfterAll
    static void stop() {
        ev.close();
    }

    private static EvalOutcome eval(String code) {
        return ev.eval(code, new SourceRef("cell [1]", 1));
    }

    @Test
    void expressionValueStaysAnObject() {
        EvalOutcome o = eval("new ArrayList<>(List.of(3, 4))");
        assertTrue(o.hasValue());
        assertEquals(List.of(3, 4), o.value());
        assertEquals(java.util.ArrayList.class, o.value().getClass());
        assertEquals("ArrayList<Integer>", o.typeName());
    }

    @Test
    void lastSnippetDecidesTheValueAndDeclarationsAreListed() {
        EvalOutcome o = eval("int width = 6;\nint height = 7;\nwidth * height");
        assertEquals(42, o.value());
        assertEquals(List.of("width", "height"), o.assigned());
        EvalOutcome statement = eval("width = 10;\nSystem.out.print(\"\");");
        assertFalse(statement.hasValue());
        assertEquals(List.of("width"), statement.assigned());
    }

    @Test
    void bareVariableIsAValueAndNullIsAValueToo() {
        eval("String nothing = null;");
        EvalOutcome o = eval("nothing");
        assertTrue(o.hasValue());
        assertEquals(null, o.value());
        assertEquals("String", o.typeName());
    }

    @Test
    void compileErrorNamesCellLineAndSymbol() {
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> ev.eval("int ok = 1;\n\nint bad = missingName + ok;",
                new SourceRef("cell [5]", 3)));
        assertEquals(EvaluationFailure.Kind.COMPILATION, f.kind());
        assertEquals("CompilationError", f.errorName());
        assertEquals("cannot find symbol", f.getMessage());
        assertEquals("Compilation error in cell [5], line 5:", f.traceback().get(0));
        assertEquals("    int bad = missingName + ok;", f.traceback().get(1));
        assertEquals("              ^---------^", f.traceback().get(2));
        assertTrue(f.traceback().stream().anyMatch(l -> l.contains("variable missingName")), f.traceback().toString());
        assertTrue(f.traceback().stream().noneMatch(l -> l.contains("$JShell$")), f.traceback().toString());
    }

    @Test
    void exceptionShowsUserFramesWithCellLinesAndNoKernelFrames() {
        eval("int divide(int a, int b) {\n  return a / b;\n}");
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> ev.eval("int x = 1;\ndivide(x, 0)",
                new SourceRef("cell [9]", 1)));
        assertEquals(EvaluationFailure.Kind.EXCEPTION, f.kind());
        assertEquals("ArithmeticException", f.errorName());
        assertEquals("/ by zero", f.getMessage());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "    at divide (cell [1], line 2)",
                "    at cell [9], line 2"), f.traceback());
    }

    @Test
    void causesAreShown() {
        EvaluationFailure f = assertThrows(EvaluationFailure.class,
                () -> eval("throw new IllegalStateException(\"outer\", new java.io.IOException(\"inner\"));"));
        assertEquals("IllegalStateException", f.errorName());
        assertTrue(f.traceback().contains("Caused by: java.io.IOException: inner"), f.traceback().toString());
    }

    @Test
    void aVariableResetByARedefinedTypeIsANote() {
        eval("class Model2 { double f(double x) { return x; } }");
        eval("Model2 m2 = new Model2(); int keep2 = 5;");
        EvalOutcome o = eval("class Model2 { int w = 2; double f(double x) { return w * x; } }");
        assertEquals(List.of("note: variable m2 was reset to null because Model2 changed; assign it again"), o.notes());
        assertEquals(5, eval("keep2").value(), "a variable of another type keeps its value");
    }

    @Test
    void methodNeedingAMissingDeclarationIsANoteThenAClearError() {
        EvalOutcome o = eval("void later() { notYetDeclared(); }");
        assertEquals(List.of("note: later cannot be used until method notYetDeclared() is declared"), o.notes());
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("later()"));
        assertEquals("UnresolvedReference", f.errorName());
    }

    @Test
    void stopInterruptsABusyLoopAndTheEvaluatorStaysUsable() throws Exception {
        Thread stopper = stopAfter(700);
        long t0 = System.nanoTime();
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("long spins = 0;\nwhile (true) { spins++; }"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        stopper.join();
        assertEquals(EvaluationFailure.Kind.INTERRUPTED, f.kind());
        assertTrue(ms < 5_000, "stopped after " + ms + " ms");
        // usable, its variable kept; not "spins > 0": on a loaded machine the stop may land while the cell still compiles
        assertEquals(true, eval("spins >= 0").value());
    }

    /** A stop that lands while a snippet compiles is not lost when the snippet then starts running (it spun forever). */
    @Test
    void aStopWhileTheCellCompilesStillStopsIt() {
        for (int delay : new int[]{0, 2, 10, 40, 150}) {
            Thread stopper = new Thread(() -> {
                while (!ev.busy()) Thread.onSpinWait();
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                ev.stop();
            });
            stopper.start();
            // one snippet, so no check between snippets catches the stop: only the one before it runs
            EvaluationFailure f = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(EvaluationFailure.class,
                    () -> eval("new Object() { long go(long n) { while (true) n += " + delay + " + 1; } }.go(0)")), "delay " + delay);
            assertEquals(EvaluationFailure.Kind.INTERRUPTED, f.kind(), "delay " + delay);
            assertEquals(3, eval("1 + 2").value(), "the next cell runs, not stopped by the last one's stop");
        }
    }

    /** Stops the running cell {@code ms} from now, as Jupyter's interrupt does. */
    private static Thread stopAfter(long ms) {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                return;
            }
            ev.stop();
        });
        stopper.start();
        return stopper;
    }

    /** On JDK 20+ the woven stop check must be cleared after each stop, and still work the next time. */
    @Test
    void aBusyCellIsStoppedAgainAfterAStop() throws Exception {
        eval("long turns = 0; long step(long t) { return t + 1; }");
        for (int round = 0; round < 2; round++) {
            stopAfter(500);
            EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("while (true) { turns = step(turns); }"));
            assertEquals(EvaluationFailure.Kind.INTERRUPTED, f.kind(), "round " + round);
            assertEquals(true, eval("step(turns) > 1").value(), "cells run again after round " + round);
        }
    }

    @Test
    void stopWakesASleepingCell() {
        stopAfter(300);
        EvaluationFailure f = assertThrows(EvaluationFailure.class, () -> eval("Thread.sleep(60_000);"));
        assertEquals(EvaluationFailure.Kind.INTERRUPTED, f.kind());
        assertTrue(EvaluationFailure.interrupted(new RuntimeException(f)), "what %%run asks, wrapped or not");
    }

    @Test
    void variablesAreReadAsObjects() {
        eval("double lossValue = 0.25;\nString label = \"run\";\n1 + 1");
        Map<String, Object> vars = ev.variables();
        assertEquals(0.25, vars.get("lossValue"));
        assertEquals("run", vars.get("label"));
        assertFalse(vars.keySet().stream().anyMatch(k -> k.startsWith("$")), vars.toString());
        assertEquals("run", ev.variable("label").orElseThrow());
        assertTrue(ev.variable("noSuchVariable").isEmpty());
    }

    @Test
    void jarAddedToTheClasspathIsUsable(@TempDir Path dir) throws Exception {
        Path jar = TestJars.compileJar(dir.resolve("calc.jar"), Map.of("calc.Twice",
                "package calc; public class Twice { public static int of(int x) { return 2 * x; } }"), List.of());
        assertThrows(EvaluationFailure.class, () -> eval("calc.Twice.of(4)"));
        ev.addToClasspath(jar);
        assertEquals(8, eval("calc.Twice.of(4)").value());
    }
}
