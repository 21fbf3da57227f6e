package io.jruns.model;

import io.jruns.Jruns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model logged by a real single-file program ({@code java LogModels.java}), in a child JVM. */
class SourceFileModelTest {
    @TempDir
    Path dir;

    static final String PROGRAM = """
            import io.jruns.*;
            import io.jruns.model.*;
            import tech.tablesaw.api.*;

            public class LogModels {
                public static class Lin implements Predictor, java.io.Serializable {
                    public Object predict(Table t) {
                        return t.doubleColumn("x").multiply(2).setName("y");
                    }
                }

                public static void main(String[] args) {
                    Jruns.setTrackingUri(args[0]);
                    try (ActiveRun run = Jruns.startRun("source file")) {
                        LoggedModel m = Models.log(run, new Lin(), "row", Table.create("t", DoubleColumn.create("x", 1.0, 2.0)));
                        System.out.println("run " + run.runId() + " warnings " + m.warnings().size());
                    }
                }
            }
            """;

    @Test
    void aModelFromASourceFileProgramRecordsNoSourceFileAsALibraryAndSaysWhy() throws Exception {
        Path program = Files.writeString(dir.resolve("LogModels.java"), PROGRAM);
        Path home = dir.resolve("home");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), program.toString(), home.toString())
                .directory(dir.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the program ends");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), out + stderr);
        String runId = out.split(" ")[1];
        Jruns.setTrackingUri(home.toString());
        Requirements env = Requirements.parse(Files.readString(Jruns.client().downloadArtifact(runId, "row/" + Requirements.FILE)));
        assertTrue(env.jars().isEmpty(), "no source file recorded as a jar: " + env.jars());
        assertTrue(env.jarsLine().isEmpty(), "so no %jars line to follow");

        assertTrue(out.strip().endsWith(" warnings 1"), out);
        List<String> warnings = stderr.lines().filter(l -> l.startsWith("jruns: warning:")).toList();
        assertEquals(List.of("jruns: warning: the model's class Lin was defined in a source-file program (LogModels.java):"
                + " the model loads in that program only (compile the class into a jar to load it anywhere)"), warnings, stderr);
    }
}
