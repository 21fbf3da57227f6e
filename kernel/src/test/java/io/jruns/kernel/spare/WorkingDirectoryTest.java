package io.jruns.kernel.spare;

import io.jruns.kernel.install.JdkOptions;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM moved to another folder, as a spare serving a notebook there is: every way a notebook
 * reaches a relative path, and a process it starts, sees the new folder. In a JVM of its own
 * ({@link Probe}), since the move is for good.
 */
class WorkingDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void everyViewOfTheWorkingDirectoryMovesTogether() throws Exception {
        Path start = Files.createDirectory(tmp.resolve("started-here"));
        Path notebooks = Files.createDirectory(tmp.resolve("notebooks")).toRealPath();
        Files.writeString(start.resolve("data.csv"), "the first folder's");
        Files.writeString(notebooks.resolve("data.csv"), "the notebook's");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(JdkOptions.forRelease(Runtime.version().feature(), true)); // as jruns install gives a kernel
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                notebooks.toString(), Files.createDirectory(tmp.resolve("private")).toString()));
        Process p = new ProcessBuilder(cmd).directory(start.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, String> seen = new LinkedHashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> seen.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        String x = notebooks.resolve("x").toString();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("moved", "true");
        expected.put("user.dir", notebooks.toString());
        expected.put("File.getAbsolutePath", x);
        expected.put("File.getCanonicalPath", x);
        expected.put("Path.toAbsolutePath", x);
        expected.put("Path.toRealPath", notebooks.toString());
        expected.put("Files.readString", "the notebook's");
        expected.put("FileInputStream", "the notebook's");
        expected.put("File.exists", "true");
        expected.put("child pwd", notebooks.toString());
        expected.put("to a missing folder", "false");
        expected.put("user.dir after", notebooks.toString());
        assertEquals(expected, seen, out);
    }

    /** Moves to args[0] (JNA unpacking into args[1]) and prints what each view shows. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            NativeEnvironment libc = NativeEnvironment.open(Path.of(args[1])).orElseThrow();
            WorkingDirectory wd = WorkingDirectory.open(libc).orElseThrow();
            System.out.println("moved=" + wd.moveTo(Path.of(args[0])));
            System.out.println("user.dir=" + System.getProperty("user.dir"));
            System.out.println("File.getAbsolutePath=" + new File("x").getAbsolutePath());
            System.out.println("File.getCanonicalPath=" + new File("x").getCanonicalPath());
            System.out.println("Path.toAbsolutePath=" + Path.of("x").toAbsolutePath());
            System.out.println("Path.toRealPath=" + Path.of("").toRealPath());
            System.out.println("Files.readString=" + Files.readString(Path.of("data.csv")));
            try (InputStream in = new FileInputStream("data.csv")) {
                System.out.println("FileInputStream=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            System.out.println("File.exists=" + Arrays.asList(new File(".").list()).contains("data.csv"));
            Process pwd = new ProcessBuilder("pwd").start();
            System.out.println("child pwd=" + new String(pwd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            System.out.println("to a missing folder=" + wd.moveTo(Path.of(args[0], "missing")));
            System.out.println("user.dir after=" + System.getProperty("user.dir"));
        }
    }

    /** A spare that would have read a relative path in its own folder must not move (module names are not paths). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "what jruns install writes       | -Xmx1g;-XX:+UseTransparentHugePages;--enable-native-access=ALL-UNNAMED;-Dorg.sqlite.lib.path=/k/native;"
                + "-Dorg.sqlite.lib.name=libsqlitejdbc.so;-XX:SharedArchiveFile=/k/jruns-kernel.jsa;-Xlog:cds=off;-Xlog:cds+dynamic=off;"
                + "-cp;/opt/jruns/lib/a.jar:/opt/b.jar;io.jruns.kernel.KernelMain;--spare | -",
        "options that name no file       | -Dfile.encoding=UTF-8;-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager;"
                + "-agentlib:jdwp=transport=dt_socket,server=y,address=*:5005;-XX:HeapDumpPath=;Main | -",
        "a module opened on JDK 24+      | --add-opens=java.base/java.util=ALL-UNNAMED;--add-opens;java.base/java.io=ALL-UNNAMED;Main                | -",
        "an absolute file in an option   | -Dlog4j.configurationFile=/etc/log4j2.xml;-Xlog:gc:file=/tmp/gc.log;Main                                  | -",
        "a relative jar on the class path | -cp;/opt/a.jar:lib/b.jar;Main                                                                           | -cp;/opt/a.jar:lib/b.jar",
        "a relative file in an option    | -Dconfig=conf/app.properties;Main                                                                         | -Dconfig=conf/app.properties",
        "the current folder              | -Djava.library.path=.;Main                                                                                | -Djava.library.path=.",
        "a bare log file of -Xlog        | -Xlog:gc*:file=gc.log:time;Main                                                                           | -Xlog:gc*:file=gc.log:time",
        "a file named by its extension   | -Dconfig=app.properties;Main                                                                              | -Dconfig=app.properties",
        "a folder named by its key       | -XX:HeapDumpPath=dumps;Main                                                                               | -XX:HeapDumpPath=dumps",
        "a temp folder                   | -Djava.io.tmpdir=tmp;Main                                                                                 | -Djava.io.tmpdir=tmp",
        "a flight recording              | -XX:StartFlightRecording=duration=30s,filename=rec;Main                                                   | -XX:StartFlightRecording=duration=30s,filename=rec",
        "an agent beside the notebook    | -javaagent:agent=opts;Main                                                                                | -javaagent:agent=opts",
        "a bare jar on the class path    | -cp;/opt/a.jar:extra;Main                                                                                 | -cp;/opt/a.jar:extra",
    })
    void aRelativePathInTheCommandLineKeepsTheSpareInItsFolder(String what, String args, String expected) {
        List<String> jvmArgs = List.of(args.split(";"));
        assertEquals(Optional.ofNullable(expected).map(e -> e.split(";")).map(a -> a[a.length - 1]),
                WorkingDirectory.relativeArgument(jvmArgs), what);
    }
}
