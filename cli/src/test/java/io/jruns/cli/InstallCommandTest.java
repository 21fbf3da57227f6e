package io.jruns.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jruns install --java refuses, in one line and before writing anything, a JDK the kernel cannot run on. */
class InstallCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aJavaThatIsNotThere() {
        Cli.Result r = cli().run("install", "--prefix", tmp.resolve("p").toString(), "--java", tmp.resolve("nojdk").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("jruns: install: --java " + tmp.resolve("nojdk") + ": no such file or folder", r.error());
    }

    @Test
    void aFolderWithoutJava() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Cli.Result r = cli().run("install", "--prefix", tmp.resolve("p").toString(), "--java", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("jruns: install: --java " + dir + ": no java executable at " + dir.resolve("bin/java"), r.error());
    }

    @Test
    void aJdkTooOldForTheKernel() throws Exception {
        Path jdk = fakeJdk("jdk11", "openjdk version \\\"11.0.2\\\" 2019-01-15");
        Cli.Result r = cli().run("install", "--prefix", tmp.resolve("p").toString(), "--java", jdk.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("jruns: install: --java " + jdk.resolve("bin/java") + " is Java 11; the kernel needs 17 or later", r.error());
        assertEquals(false, Files.exists(tmp.resolve("p")), "nothing written");
    }

    @Test
    void aProgramThatSaysNoVersion() throws Exception {
        Path jdk = fakeJdk("notjava", "hello");
        Cli.Result r = cli().run("install", "--prefix", tmp.resolve("p").toString(), "--java", jdk.resolve("bin/java").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("jruns: install: --java " + jdk.resolve("bin/java") + ": cannot tell which Java it is "
                + "(no release file, and java -version said no version)", r.error());
    }

    private Cli cli() {
        return new Cli(tmp.resolve("home"));
    }

    /** A JDK folder whose bin/java prints {@code line} to stderr, as java -version does, and has no release file. */
    private Path fakeJdk(String name, String line) throws Exception {
        Path java = Files.createDirectories(tmp.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"" + line + "\" >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp.resolve(name);
    }
}
