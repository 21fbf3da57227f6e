package io.jruns.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDS archive after a copy (what {@code jupyter kernelspec install} does): refreshed, and really used. */
class InstalledSpecTest {
    @TempDir
    Path dir;

    @Test
    void refreshedArchiveIsUsedByTheKernelJvm() throws Exception {
        Path staging = dir.resolve("staging");
        KernelSpecWriter.write(KernelSpec.builder().python(Path.of("/usr/bin/python3")).build(), staging);
        assertTrue(Files.isRegularFile(staging.resolve("jruns-kernel.jsa")));
        Path installed = dir.resolve("installed");
        copyTree(staging, installed);
        assertEquals(0, sharedClasses(installed), "a copied archive does not match the new paths");

        assertTrue(InstalledSpec.refreshClassDataSharing(installed));
        assertTrue(sharedClasses(installed) > 20, "kernel classes should load from the refreshed archive");
        List<String> argv = argv(installed);
        assertEquals(1, argv.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).count(), argv.toString());
        assertEquals(argv(staging).subList(0, 5), argv.subList(0, 5), "the launcher and java stay first");
    }

    /** Runs {@code KernelMain --version} with the kernelspec's argv and counts classes from the top archive. */
    private static long sharedClasses(Path spec) throws Exception {
        List<String> cmd = new ArrayList<>();
        List<String> argv = argv(spec);
        for (String a : argv.subList(Launcher.javaIndex(argv), argv.size())) {
            cmd.add(a.replace("{resource_dir}", spec.toString()));
        }
        assertEquals("io.jruns.kernel.KernelMain", cmd.get(cmd.size() - 1), "launch.sh adds the connection file");
        cmd.add("--version");
        cmd.add(1, "-Xlog:class+load=info");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("jruns kernel"), out);
        return out.lines().filter(l -> l.contains("shared objects file (top)")).count();
    }

    private static List<String> argv(Path spec) throws Exception {
        List<String> argv = new ArrayList<>();
        JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
