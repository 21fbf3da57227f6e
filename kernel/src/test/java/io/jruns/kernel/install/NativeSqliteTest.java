package io.jruns.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc's native library in the kernelspec: a kernel JVM loads it from there, extracting nothing. */
class NativeSqliteTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void theKernelJvmLoadsTheLibraryFromTheKernelspec() throws Exception {
        Path spec = dir.resolve("spec");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).spare(false).build(), spec);
        assertTrue(Files.isRegularFile(spec.resolve("native").resolve(System.mapLibraryName("sqlitejdbc"))));

        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        assertEquals(spec.resolve("native").toRealPath().toString(), probe(spec, tmp, true));
        assertEquals(tmp.toRealPath().toString(), probe(spec, tmp, false), "without the options it is extracted to the temp folder");
    }

    /** Runs {@link Probe} on the kernelspec's class path, with or without its JVM options. */
    private static String probe(Path spec, Path tmp, boolean withOptions) throws Exception {
        List<String> argv = new ArrayList<>();
        JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString().replace("{resource_dir}", spec.toString())));
        int cp = argv.indexOf("-cp");
        List<String> cmd = new ArrayList<>();
        cmd.add(argv.get(0));
        if (withOptions) {
            argv.subList(1, cp).stream().filter(o -> o.startsWith("-Dorg.sqlite.") || o.startsWith("--enable-native-access"))
                    .forEach(cmd::add);
        } else {
            cmd.addAll(JdkOptions.forRelease(Runtime.version().feature(), false)); // no warning in the probe's output on 24+
        }
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(argv.get(cp + 1) + File.pathSeparator
                + Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        cmd.add(Probe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Opens an in-memory database and prints the folder of the native library it mapped (Linux's /proc). */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                 ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
                rs.next();
            }
            try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
                String lib = maps.filter(l -> l.contains("sqlitejdbc")).findFirst().orElseThrow();
                System.out.println(Path.of(lib.substring(lib.indexOf('/'))).getParent().toRealPath());
            }
        }
    }
}
