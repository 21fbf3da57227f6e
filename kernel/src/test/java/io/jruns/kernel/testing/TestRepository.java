package io.jruns.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real Maven repository on disk (file: URL) with three artifacts: {@code greeting-app:1.0}
 * depends on {@code greeting-lib:1.0} (compile), {@code greeting-extra:1.0} (runtime) and
 * {@code not-there:1.0} (test scope, absent: resolution must not need it). Plus a settings.xml
 * whose mirror sends every repository (Central too) to it, and a fresh local repository.
 * Every file is deployed with its {@code .sha1} and {@code .md5}, as a real repository has them:
 * without them the resolver warns (a {@code ChecksumFailureException} stack trace) for each download.
 */
public final class TestRepository {
    public static final String GROUP = "org.example.jruns";
    public static final String APP = GROUP + ":greeting-app:1.0";

    private final Path remote;
    private final Path local;
    private final Path settings;

    private TestRepository(Path remote, Path local, Path settings) {
        this.remote = remote;
        this.local = local;
        this.settings = settings;
    }

    public static TestRepository create(Path dir) throws IOException {
        Path remote = dir.resolve("remote");
        Path local = dir.resolve("local");
        Path jars = dir.resolve("build");
        Files.createDirectories(jars);
        Path lib = TestJars.compileJar(jars.resolve("lib.jar"), Map.of("org.example.lib.Greeting",
                "package org.example.lib; public class Greeting { public static String of(String n) { return \"Hello, \" + n + \"!\"; } }"),
                List.of());
        Path extra = TestJars.compileJar(jars.resolve("extra.jar"), Map.of("org.example.extra.Extra",
                "package org.example.extra; public class Extra { public static int answer() { return 42; } }"), List.of());
        Path app = TestJars.compileJar(jars.resolve("app.jar"), Map.of("org.example.app.App",
                "package org.example.app; public class App { public static String greet(String n) { return org.example.lib.Greeting.of(n); } }"),
                List.of(lib));
        deploy(remote, "greeting-lib", lib, "");
        deploy(remote, "greeting-extra", extra, "");
        deploy(remote, "greeting-app", app, dependency("greeting-lib", "compile")
                + dependency("greeting-extra", "runtime") + dependency("not-there", "test"));
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings>\n  <localRepository>" + local + "</localRepository>\n"
                + "  <mirrors><mirror><id>test-repo</id><url>" + remote.toUri() + "</url>"
                + "<mirrorOf>*</mirrorOf></mirror></mirrors>\n</settings>\n");
        return new TestRepository(remote, local, settings);
    }

    public Path remote() {
        return remote;
    }

    public Path local() {
        return local;
    }

    public Path settings() {
        return settings;
    }

    private static String dependency(String artifact, String scope) {
        return "<dependency><groupId>" + GROUP + "</groupId><artifactId>" + artifact
                + "</artifactId><version>1.0</version><scope>" + scope + "</scope></dependency>";
    }

    private static void deploy(Path remote, String artifact, Path jar, String dependencies) throws IOException {
        Path dir = remote.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve("1.0");
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(artifact + "-1.0.jar"));
        Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>" + GROUP + "</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>"
                + "<dependencies>" + dependencies + "</dependencies></project>\n");
        writeChecksums(dir.resolve(artifact + "-1.0.jar"));
        writeChecksums(dir.resolve(artifact + "-1.0.pom"));
    }

    /** {@code FILE.sha1} and {@code FILE.md5} beside FILE: the resolver's default checksum algorithms. */
    static void writeChecksums(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (String[] algorithm : new String[][] {{"SHA-1", ".sha1"}, {"MD5", ".md5"}}) {
            try {
                byte[] digest = MessageDigest.getInstance(algorithm[0]).digest(bytes);
                Files.writeString(file.resolveSibling(file.getFileName() + algorithm[1]), HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
