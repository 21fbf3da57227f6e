package io.jruns.kernel.install;

import io.jruns.kernel.KernelMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jruns.kernel.testing.TestJars;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesASelfContainedKernelspec() throws Exception {
        Path extra = TestJars.compileJar(dir.resolve("extra/plugin.jar"), Map.of("p.Plugin", "package p; public class Plugin { }"), List.of());
        Path spec = dir.resolve("spec");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).spare(false).extraJar(extra).env("A", "b").build(), spec);
        JsonObject json = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java (jruns)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("b", json.getAsJsonObject("env").get("A").getAsString());
        List<String> argv = strings(json.getAsJsonArray("argv"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertEquals(KernelMain.class.getName(), argv.get(argv.size() - 2), "kernel.properties names the main class");
        assertFalse(argv.stream().anyMatch(a -> a.contains("SharedArchiveFile")));
        String cp = argv.get(argv.indexOf("-cp") + 1);
        for (String entry : cp.split(File.pathSeparator)) {
            assertTrue(entry.startsWith("{resource_dir}/"), entry);
            assertTrue(Files.isRegularFile(spec.resolve(entry.substring("{resource_dir}/".length()))), entry);
        }
        assertTrue(cp.contains("lib/plugin.jar"), cp);
        assertTrue(cp.contains("lib/jjava-jupyter-"), cp);
        assertFalse(cp.contains("resolver"), "Maven Resolver stays off the kernel's class path: " + cp);
        assertFalse(cp.contains("/jna-") || cp.contains("lib/jna/"), "so does JNA (spares only): " + cp);
        assertTrue(KernelJar.entries(spec.resolve("jruns-kernel.jar")).contains("io/jruns/kernel/KernelMain.class"));
        try (var s = Files.list(spec.resolve("lib/resolver"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("maven-resolver-impl-")));
        }
        try (var s = Files.list(spec.resolve("lib/jna"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("jna-")).count());
        }
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            byte[] png = Files.readAllBytes(spec.resolve(logo));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    /** With spares (the default where a python3 is found) Jupyter runs launch.sh, which runs the same JVM command. */
    @Test
    void withSparesJupyterStartsTheLaunchScriptWithTheJvmCommandAfterIt() throws Exception {
        Path spec = dir.resolve("spec");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).python(Path.of("/usr/bin/python3")).build(), spec);
        List<String> argv = strings(JsonParser.parseString(Files.readString(spec.resolve("kernel.json")))
                .getAsJsonObject().getAsJsonArray("argv"));
        assertEquals(List.of("/bin/sh", "{resource_dir}/launch.sh", "{connection_file}", "/usr/bin/python3",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()), argv.subList(0, 5));
        assertEquals(KernelMain.class.getName(), argv.get(argv.size() - 1), "launch.sh puts the connection file last");
        assertTrue(Files.readString(spec.resolve("launch.sh")).startsWith("#!/bin/sh"));
        assertTrue(Files.isRegularFile(spec.resolve("launch.py")));

        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).spare(false).build(), spec);
        assertFalse(Files.exists(spec.resolve("launch.sh")), "rewritten without spares: no launcher left behind");
        assertFalse(Files.exists(spec.resolve("launch.py")));
    }

    @Test
    void rewritingRefreshesTheLibraries() throws Exception {
        Path spec = dir.resolve("spec");
        Files.createDirectories(spec.resolve("lib"));
        Files.writeString(spec.resolve("lib/stale-1.0.jar"), "old");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).build(), spec);
        assertFalse(Files.exists(spec.resolve("lib/stale-1.0.jar")));
    }

    @Test
    void missingExtraJarIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelSpecWriter.write(
                KernelSpec.builder().classDataSharing(false).extraJar(dir.resolve("nope.jar")).build(), dir.resolve("spec")));
        assertTrue(e.getMessage().contains("nope.jar"), e.getMessage());
    }

    @Test
    void commandLineOptionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> KernelSpecMain.run(new String[] {"--java"}));
        assertThrows(IllegalArgumentException.class, () -> KernelSpecMain.run(new String[] {"--env", "NOEQUALS", "d"}));
        assertThrows(IllegalArgumentException.class, () -> KernelSpecMain.run(new String[] {"--bogus"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelSpecMain.run(new String[] {}));
        assertTrue(e.getMessage().contains("DIR is missing"), e.getMessage());
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
