package io.jruns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a plain program's run is named after, from the JVM's command as {@code sun.java.command} gives it. */
class DefaultRunContextTest {
    static final String LAUNCHER = "jdk.compiler/com.sun.tools.javac.launcher.Main";
    @TempDir
    Path dir;

    @Test
    void aSourceFileGivenRelativeIsNamedByItsAbsolutePath() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("examples")).resolve("Train.java"), "class T {}");
        assertEquals(file.toString(), DefaultRunContext.sourceName(LAUNCHER + " examples/Train.java a b", "lib/x.jar", dir));
        assertEquals(file.toString(), DefaultRunContext.sourceName(LAUNCHER + " ./examples/../examples/Train.java", "", dir));
    }

    @Test
    void aSourceFileWithSpacesInItsPathKeepsThem() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("my work")).resolve("Train.java"), "class T {}");
        assertEquals(file.toString(), DefaultRunContext.sourceName(LAUNCHER + " my work/Train.java --lr 0.1", "", dir));
    }

    @Test
    void aJarRunWithDashJarIsNamedByItsAbsolutePath() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(dir.resolve("my target")).resolve("app.jar"), "zip");
        assertEquals(jar.toString(), DefaultRunContext.sourceName("my target/app.jar --x", "my target/app.jar", dir));
    }

    @Test
    void aMainClassIsNamedAsItIs() {
        assertEquals("com.acme.Train", DefaultRunContext.sourceName("com.acme.Train --lr 0.1", "target/classes", dir));
        assertEquals("java", DefaultRunContext.sourceName("", "", dir));
    }
}
