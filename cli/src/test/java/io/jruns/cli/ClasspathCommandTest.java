package io.jruns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClasspathCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheTrackingJarFirstThenTheOthersByName() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (String f : new String[]{"zeta-1.jar", "alpha-2.jar", "jruns-tracking-0.1.0.jar", "README.txt"}) {
            Files.writeString(lib.resolve(f), "x");
        }
        Files.createDirectories(lib.resolve("sub.jar"));
        Cli.Result r = new Cli(dir).libDir(lib).run("classpath");
        assertEquals(0, r.code(), r.toString());
        String abs = lib.toAbsolutePath() + File.separator;
        assertEquals(abs + "jruns-tracking-0.1.0.jar" + File.pathSeparator + abs + "alpha-2.jar"
                + File.pathSeparator + abs + "zeta-1.jar" + System.lineSeparator(), r.out());
        assertFalse(Files.exists(dir.resolve("jruns.db")), "classpath never opens a store");
    }

    @Test
    void aMissingAssemblySaysHowToBuildIt() {
        Cli.Result r = new Cli(dir).libDir(dir.resolve("nowhere")).run("classpath");
        assertEquals(1, r.code());
        assertTrue(r.error().startsWith("jruns: no assembled jruns libraries in " + dir.resolve("nowhere")), r.error());
        assertTrue(r.error().endsWith("run install/jruns once (it builds them), or mvn -pl cli -am package"));
    }

    @Test
    void takesNoArguments() {
        assertEquals(2, new Cli(dir).run("classpath", "extra").code());
    }
}
