package io.jruns.reproduce;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.RunStatus;
import io.jruns.TrackingClient;
import io.jruns.source.FileDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run records about its environment, and environment.json's round trip. */
class EnvironmentTest {
    @TempDir
    Path dir;

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    @Test
    void aPlainJavaRunRecordsItsEnvironmentAsAnArtifactAndTags() {
        Jruns.setTrackingUri(dir.resolve("home").toString());
        String runId;
        try (ActiveRun run = Jruns.startRun("plain")) {
            runId = run.runId();
        }
        RunEnvironment env = EnvironmentArtifact.read(Jruns.client(), runId).orElseThrow();
        assertEquals(System.getProperty("java.version"), env.java().version());
        assertEquals(System.getProperty("java.vendor"), env.java().vendor());
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), env.jvm().options());
        assertEquals(Runtime.getRuntime().maxMemory(), env.jvm().maxHeapBytes());
        assertEquals(Runtime.getRuntime().availableProcessors(), env.machine().cpus());
        assertTrue(env.machine().memoryBytes() > 0);
        assertEquals(System.getProperty("os.name"), env.os().name());
        assertEquals(null, env.kernel(), "a plain program has no kernel");
        Map<String, String> tags = Jruns.client().getRun(runId).data().tags();
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()), tags.get("jruns.env.cpus"));
        assertEquals(String.valueOf(Runtime.getRuntime().maxMemory() / (1024 * 1024)), tags.get("jruns.env.heapMaxMb"));
        assertEquals(String.valueOf(env.libraries().size()), tags.get("jruns.env.libraries"));
    }

    @Test
    void capturingCanBeSwitchedOff() {
        Jruns.setTrackingUri(dir.resolve("off").toString());
        System.setProperty(EnvironmentArtifact.CAPTURE_PROPERTY, "false");
        try (ActiveRun run = Jruns.startRun("quiet")) {
            assertTrue(Jruns.client().listArtifacts(run.runId()).isEmpty());
            assertTrue(Jruns.client().getRun(run.runId()).data().tags().keySet().stream().noneMatch(k -> k.startsWith("jruns.env.")));
        } finally {
            System.clearProperty(EnvironmentArtifact.CAPTURE_PROPERTY);
        }
    }

    @Test
    void environmentJsonRoundTrips() {
        RunEnvironment e = new RunEnvironment("2024-01-02T03:04:05Z",
                new RunEnvironment.Java("17.0.9", "Vendor \"Q\"", "OpenJDK Runtime Environment", "OpenJDK 64-Bit Server VM", "/jdk"),
                new RunEnvironment.Jvm(List.of("-Xmx2g", "-Dx=a b"), 2L << 30),
                new RunEnvironment.Os("Linux", "6.1", "amd64"), new RunEnvironment.Machine(8, null),
                new RunEnvironment.Kernel("jruns", "0.1.0", "/k/jruns"),
                List.of(Library.maven("a:b:1"), Library.jar("/x/y.jar", "ab12", "%jars lib/*.jar")));
        RunEnvironment back = EnvironmentJson.read(EnvironmentJson.write(e), "test");
        assertEquals(e, back);
        List<String[]> spec = EnvironmentReport.spec(back);
        assertEquals("-Xmx2g -Dx=a b", value(spec, "JVM options"));
        assertEquals("2.0 GiB", value(spec, "Max heap"));
        assertEquals("unknown", value(spec, "Memory"));
        assertEquals("jruns 0.1.0, kernelspec jruns", value(spec, "Kernel"));
        assertEquals("jar    /x/y.jar  ab12  %jars lib/*.jar", EnvironmentReport.text(EnvironmentReport.libraries(back)).lines().toList().get(1));
    }

    @Test
    void aJarSaysItsMavenCoordinatesElseItIsKnownByItsHash() throws Exception {
        Path withPom = jar(dir.resolve("lib-1.2.jar"), Map.of("META-INF/maven/org.example/lib/pom.properties",
                "groupId=org.example\nartifactId=lib\nversion=1.2\n", "org/example/A.class", "x"));
        Path shaded = jar(dir.resolve("app-2.0.jar"), Map.of(
                "META-INF/maven/org.example/app/pom.properties", "groupId=org.example\nartifactId=app\nversion=2.0\n",
                "META-INF/maven/com.other/dep/pom.properties", "groupId=com.other\nartifactId=dep\nversion=9\n"));
        Path bare = jar(dir.resolve("bare.jar"), Map.of("a.txt", "a"));
        assertEquals(Library.maven("org.example:lib:1.2"), ClasspathLibraries.of(withPom, null));
        assertEquals(Library.maven("org.example:app:2.0"), ClasspathLibraries.of(shaded, null), "the one named like the jar");
        assertEquals(Library.jar(bare.toString(), FileDigest.sha256(bare), "here"), ClasspathLibraries.of(bare, "here"));
        assertTrue(ClasspathLibraries.jarOf(Test.class).orElseThrow().getFileName().toString().startsWith("junit-jupiter-api"));
        assertTrue(ClasspathLibraries.jarOf(EnvironmentTest.class).isEmpty(), "test classes come from a folder");
    }

    static Path jar(Path file, Map<String, String> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static String value(List<String[]> rows, String label) {
        return rows.stream().filter(r -> r[0].equals(label)).findFirst().orElseThrow()[1];
    }
}
