package io.jruns.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.kernel.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in points the tracking magics will use, exercised the way they will be: a jjava
 * {@code Extension} on the kernel's class path (ServiceLoader) that registers cell and shutdown
 * listeners, magics and a start-up import, in a real kernel driven by jupyter_client.
 */
class KernelHooksIT {
    @TempDir
    Path dir;

    private static final String EXTENSION = """
            package hooks;
            import io.jruns.kernel.*;
            import io.jruns.kernel.cell.*;
            import java.io.*;
            import java.nio.file.*;
            import org.dflib.jjava.jupyter.Extension;
            import org.dflib.jjava.jupyter.kernel.BaseKernel;
            public class HooksExtension implements Extension {
                public void install(BaseKernel base) {
                    JrunsKernel kernel = (JrunsKernel) base;
                    Path log = Path.of(System.getenv("HOOK_LOG"));
                    kernel.addStartupSnippet("import java.time.*;");
                    kernel.addCellListener(new CellListener() {
                        public void beforeCell(CellContext c) { write(log, "before " + c.executionCount() + " " + c.cellId()); }
                        public void afterCell(CellContext c, Throwable f) {
                            write(log, "after " + c.executionCount() + " " + c.cellId() + " " + (f == null ? "ok" : f.getClass().getSimpleName()));
                        }
                    });
                    kernel.addShutdownListener(restart -> write(log, "shutdown restart=" + restart));
                    kernel.getMagicsRegistry().registerLineMagic("probe", (k, args) -> "probe " + args);
                    kernel.getMagicsRegistry().registerLineMagic("raw", (k, args) ->
                            ((JrunsKernel) k).evalRaw("new Object[] {1, \\\"a\\\"}").getClass().getSimpleName()
                                    + " n=" + ((JrunsKernel) k).variables().get("n"));
                    kernel.getMagicsRegistry().registerCellMagic("twice", (k, args, body) -> {
                        ((JrunsKernel) k).executeCode(body);
                        return "assigned " + ((JrunsKernel) k).executeCode(body).assigned();
                    });
                }
                static void write(Path log, String line) {
                    try {
                        Files.writeString(log, line + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            """;

    @Test
    void extensionHooksRunAroundCellsAndAtShutdown() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        List<Path> cp;
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            cp = Stream.concat(Stream.of(target.resolve("classes")), jars.filter(p -> p.toString().endsWith(".jar"))).toList();
        }
        Path jar = TestJars.compileJar(dir.resolve("hooks.jar"), Map.of("hooks.HooksExtension", EXTENSION), cp,
                Map.of("META-INF/services/org.dflib.jjava.jupyter.Extension", "hooks.HooksExtension\n"));
        Path log = dir.resolve("hooks.log");
        Path prefix = dir.resolve("prefix");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).extraJar(jar).env("HOOK_LOG", log.toString())
                .build(), prefix.resolve("share/jupyter/kernels/jruns-hooks"));
        ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/hooks_session.py").toAbsolutePath().toString(), "jruns-hooks"), dir);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("HOOKS-SESSION-OK"), r.output());
        waitForLines(log, 18);
        assertEquals(List.of(
                "before 1 c-1", "after 1 c-1 ok",
                "before 2 null", "after 2 null EvaluationFailure",
                "before 3 null", "after 3 null ok",
                "before 4 null", "after 4 null ok",
                "before 5 null", "after 5 null EvaluationFailure",
                "before 6 null", "after 6 null ok",
                "before 7 null", "after 7 null ok",
                "shutdown restart=true",
                "before 1 null", "after 1 null ok",
                "shutdown restart=false"), Files.readAllLines(log));
    }

    /** The last kernel writes its shutdown line while jupyter_client is already returning. */
    private static void waitForLines(Path log, int n) throws Exception {
        for (int i = 0; i < 50 && (!Files.exists(log) || Files.readAllLines(log).size() < n); i++) {
            Thread.sleep(100);
        }
    }
}
