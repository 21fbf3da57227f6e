package io.jruns.kernel.eval;

import io.jruns.kernel.testing.TestJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler starts with part of the class path; a cell that needs the rest gets it and runs
 * once, as if it had been there all along (CompileClasspath).
 */
class LaterClasspathTest {
    private JShellEvaluator ev;

    @BeforeEach
    void create() {
        String before = System.getProperty("java.class.path");
        ev = JShellEvaluator.create(new CompileClasspath.Split(List.of(jarOf(io.jruns.Jruns.class)),
                List.of(jarOf(com.google.common.collect.ImmutableList.class), jarOf(it.unimi.dsi.fastutil.ints.IntArrayList.class))));
        assertEquals(before, System.getProperty("java.class.path"), "the JVM's class path property is put back");
    }

    @AfterEach
    void close() {
        ev.close();
    }

    private Object eval(String code) {
        return ev.eval(code, SourceRef.of("cell")).value();
    }

    private static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCellThatNeedsTheRestGetsItAndRunsOnce() {
        assertEquals(2, eval("1 + 1"));
        eval("int[] calls = {0};");
        assertTrue(ev.hasLaterClasspath(), "java.lang alone needs nothing more");
        assertEquals(1, eval("calls[0]++; com.google.common.collect.ImmutableList.of(4, 5).size() - 1"));
        assertEquals(1, eval("calls[0]"), "the cell ran once");
        assertFalse(ev.hasLaterClasspath());
        assertEquals(3, eval("new it.unimi.dsi.fastutil.ints.IntArrayList(new int[] {1, 2, 3}).size()"));
    }

    @Test
    void aDeclarationThatNeedsTheRestIsDefined() {
        eval("int sizeOf(it.unimi.dsi.fastutil.ints.IntArrayList l) { return l.size(); }");
        assertEquals(2, eval("sizeOf(new it.unimi.dsi.fastutil.ints.IntArrayList(new int[] {7, 8}))"));
    }

    @Test
    void theApiJarIsThereFromTheStart() {
        assertEquals("FINISHED", eval("io.jruns.domain.RunStatus.FINISHED.name()"));
        assertTrue(ev.hasLaterClasspath());
    }

    @Test
    void aWrongCellStillFailsWithItsOwnError() {
        EvaluationFailure e = assertThrows(EvaluationFailure.class, () -> eval("noSuchName + 1"));
        assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
        assertFalse(ev.hasLaterClasspath(), "tried with the whole class path before giving up");
    }

    @Test
    void aJarAddedBeforeKeepsWorkingAfter(@TempDir Path dir) throws Exception {
        Path jar = TestJars.compileJar(dir.resolve("calc.jar"), Map.of("calc.Twice",
                "package calc; public class Twice { public static int of(int x) { return 2 * x; } }"), List.of());
        ev.addToClasspath(jar);
        assertEquals(8, eval("calc.Twice.of(4)"));
        assertTrue(ev.hasLaterClasspath());
        assertEquals(10, eval("calc.Twice.of(com.google.common.collect.ImmutableList.of(5).get(0))"));
        assertEquals(6, eval("calc.Twice.of(3)"));
    }

    @Test
    void completionSeesTheWholeClassPath() {
        ev.analysis();
        assertFalse(ev.hasLaterClasspath());
    }
}
