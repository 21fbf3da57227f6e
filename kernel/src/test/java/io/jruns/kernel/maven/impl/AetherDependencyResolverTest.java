package io.jruns.kernel.maven.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jruns.kernel.maven.ResolutionFailure;
import io.jruns.kernel.maven.ResolverSettings;
import io.jruns.kernel.testing.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven Resolver against a real file repository, through a settings.xml mirror and local repository. */
class AetherDependencyResolverTest {
    @TempDir
    Path dir;
    TestRepository repo;
    AetherDependencyResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepository.create(dir);
        resolver = new AetherDependencyResolver(new ResolverSettings(repo.settings(), null, null));
    }

    @Test
    void resolvesCompileAndRuntimeDependenciesButNotTestScope() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Path> jars = resolver.resolve(List.of(TestRepository.APP), List.of(), new PrintStream(progress, true));
        assertEquals(List.of("greeting-app-1.0.jar", "greeting-lib-1.0.jar", "greeting-extra-1.0.jar"),
                jars.stream().map(p -> p.getFileName().toString()).toList());
        for (Path jar : jars) {
            assertTrue(jar.startsWith(repo.local()), jar + " should come from the settings' local repository");
            assertTrue(Files.isRegularFile(jar));
        }
        assertTrue(progress.toString().contains("Downloaded file:"), progress.toString());
    }

    @Test
    void secondResolutionIsServedFromTheLocalRepository() throws Exception {
        resolver.resolve(List.of(TestRepository.APP), List.of(), null);
        try (var files = Files.walk(repo.remote())) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertEquals(3, resolver.resolve(List.of(TestRepository.APP), List.of(), null).size());
    }

    /** The fixture repository carries checksums, so resolving from it is validated and warns about nothing. */
    @Test
    void downloadsAreChecksumValidatedWithoutWarnings() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            assertEquals(3, resolver.resolve(List.of(TestRepository.APP), List.of(), null).size());
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(List.of(), warnings.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList());
    }

    @Test
    void missingArtifactIsOneLineNamingIt() {
        ResolutionFailure f = assertThrows(ResolutionFailure.class,
                () -> resolver.resolve(List.of(TestRepository.GROUP + ":no-such-lib:9.9"), List.of(), null));
        assertTrue(f.getMessage().contains("no-such-lib"), f.getMessage());
        assertTrue(!f.getMessage().contains("\n"), f.getMessage());
    }

    @Test
    void badCoordinatesAreAClearError() {
        ResolutionFailure f = assertThrows(ResolutionFailure.class, () -> resolver.resolve(List.of("just-a-name"), List.of(), null));
        assertEquals("'just-a-name' is not groupId:artifactId[:extension[:classifier]]:version", f.getMessage());
    }

    @Test
    void brokenSettingsFileIsReported() throws Exception {
        Path broken = dir.resolve("broken-settings.xml");
        Files.writeString(broken, "<settings><mirrors><mirror>");
        AetherDependencyResolver r = new AetherDependencyResolver(new ResolverSettings(broken, null, null));
        ResolutionFailure f = assertThrows(ResolutionFailure.class, () -> r.resolve(List.of(TestRepository.APP), List.of(), null));
        assertTrue(f.getMessage().startsWith("cannot read Maven settings"), f.getMessage());
    }
}
