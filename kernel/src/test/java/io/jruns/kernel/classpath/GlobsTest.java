package io.jruns.kernel.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobsTest {
    @TempDir
    Path base;

    @BeforeEach
    void files() throws Exception {
        for (String f : List.of("lib/a.jar", "lib/b.jar", "lib/readme.txt", "lib/nested/c.jar", "one.jar")) {
            Files.createDirectories(base.resolve(f).getParent());
            Files.writeString(base.resolve(f), "x");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "lib/*.jar        | lib/a.jar lib/b.jar",
        "lib              | lib/a.jar lib/b.jar",
        "lib/**.jar       | lib/a.jar lib/b.jar lib/nested/c.jar",
        "one.jar          | one.jar",
        "lib/?.jar        | lib/a.jar lib/b.jar",
        "lib/{a,z}.jar    | lib/a.jar",
        "missing.jar      | ''",
        "nowhere/*.jar    | ''",
    })
    void expands(String pattern, String expected) {
        List<Path> want = new ArrayList<>();
        for (String p : expected.isBlank() ? new String[0] : expected.split(" ")) {
            want.add(base.resolve(p));
        }
        assertEquals(want, Globs.expand(pattern, base));
    }

    @Test
    void absolutePatternIgnoresBase() {
        assertEquals(List.of(base.resolve("lib/a.jar")), Globs.expand(base + "/lib/a*.jar", Path.of("/")));
    }

    @Test
    void ledgerAddsEachPathOnceAndKeepsOrigins() {
        ClasspathLedger ledger = new ClasspathLedger();
        List<Path> sunk = new ArrayList<>();
        assertEquals(2, ledger.add("%jars lib/*.jar", Globs.expand("lib/*.jar", base), sunk::add).size());
        assertEquals(List.of(), ledger.add("%jars x", List.of(base.resolve("lib/../lib/b.jar")), sunk::add));
        assertEquals(2, sunk.size());
        assertEquals("%jars lib/*.jar", ledger.entries().get(1).origin());
        ledger.recordMaven("g:a:1");
        ledger.recordMaven("g:a:1");
        assertEquals(List.of("g:a:1"), ledger.mavenCoordinates());
    }
}
