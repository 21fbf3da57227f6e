package io.jruns.kernel.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which class path entries the compiler sees from the first cell, and which only when a cell needs them. */
class CompileClasspathTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /k/jruns-kernel.jar                          | eager
            /k/lib/jruns-tracking-0.1.0-SNAPSHOT.jar     | eager
            /k/lib/jjava-jupyter-1.0-a6.jar              | eager
            /k/lib/tablesaw-core-0.44.4.jar              | eager
            /work/notebooks/target/classes               | eager
            /k/lib/fastutil-8.5.13.jar                   | lazy
            /k/lib/guava-33.0.0-jre.jar                  | lazy
            /k/lib/sqlite-jdbc-3.51.3.0.jar              | lazy
            /k/lib/my-jruns-helpers.jar                  | lazy
            """)
    void entriesAreStaged(String entry, String when) {
        CompileClasspath.Split split = CompileClasspath.split(List.of("/k/jruns-kernel.jar", entry));
        assertEquals(when.equals("eager"), split.eager().contains(entry), split.toString());
        assertEquals(when.equals("lazy"), split.lazy().contains(entry), split.toString());
    }

    @Test
    void withoutAnyApiJarTheWholePathIsSeenAtOnce() {
        List<String> cp = List.of("/x/surefirebooter123.jar", "/x/guava.jar", "");
        assertEquals(new CompileClasspath.Split(List.of("/x/surefirebooter123.jar", "/x/guava.jar"), List.of()),
                CompileClasspath.split(cp));
    }

    @Test
    void keepsTheOrderOfEachPart() {
        CompileClasspath.Split split = CompileClasspath.split(List.of("/l/b.jar", "/l/jruns-b.jar", "/l/a.jar", "/l/jruns-a.jar"));
        assertEquals(List.of("/l/jruns-b.jar", "/l/jruns-a.jar"), split.eager());
        assertEquals(List.of("/l/b.jar", "/l/a.jar"), split.lazy());
    }
}
