package io.jruns.kernel.spare;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jruns.kernel.testing.Jupyter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spare kernels through real Jupyter (src/test/python/spare_session.py): a kernel shut down
 * leaves a spare, the next launch, for a notebook of another folder, is served by it with that
 * notebook's folder, variables and name,
 * killing that launch stops the JVM, and a launch with other variables gets a JVM of its own.
 */
class SpareIT {
    @TempDir
    Path dir;

    @Test
    void theNextLaunchIsServedByASpareThatSeesWhatAStartedKernelWould() throws Exception {
        servedAsAStartedKernel(Jupyter.KERNEL_NAME);
    }

    /**
     * From JDK 24 a spare reaches the JDK's fields only through the packages the kernelspec opens
     * (JdkOptions); before them, it served only its own notebook and folder.
     */
    @Test
    void soOnJdk24AndLater() throws Exception {
        servedAsAStartedKernel(Jupyter.kernelOnJdk(24));
    }

    private void servedAsAStartedKernel(String kernel) throws Exception {
        Files.writeString(dir.resolve("data.txt"), "the first folder's");
        Files.writeString(Files.createDirectory(dir.resolve("other")).resolve("data.txt"), "the other folder's");
        Path spares = Files.createTempDirectory("spare-it"); // short: a socket's path has at most 107 bytes
        try {
            Path script = Path.of("src", "test", "python", "spare_session.py").toAbsolutePath();
            ProcessBuilder pb = Jupyter.process(List.of(Jupyter.PYTHON.toString(), script.toString(), kernel,
                    spares.toString()), dir);
            pb.environment().put("JRUNS_SPARE", "on");
            pb.environment().put("JRUNS_SPARE_DIR", spares.toString());
            pb.environment().put("JRUNS_SPARE_IDLE_MINUTES", "1"); // whatever happens, none outlives the test long
            pb.environment().put("JRUNS_HOME", dir.resolve("home").toString());
            Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(4));
            assertEquals(0, r.exitCode(), r.output());
            String json = r.output().lines().filter(l -> l.startsWith("{\"first\"")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no result line in:\n" + r.output()));
            JsonObject res = JsonParser.parseString(json).getAsJsonObject();
            JsonObject first = res.getAsJsonObject("first");
            JsonObject second = res.getAsJsonObject("second");
            JsonObject third = res.getAsJsonObject("third");
            String cwd = dir.toRealPath().toString();
            String other = dir.resolve("other").toRealPath().toString();

            assertEquals(first.get("launcher_pid"), first.get("jvm_pid"), "no spare yet: the JVM is the launched process");
            assertTrue(res.get("spare_after_shutdown").getAsBoolean(), "a kernel shut down leaves a spare: " + r.output());

            assertNotEquals(second.get("launcher_pid"), second.get("jvm_pid"), "the spare's JVM serves the second launch");
            assertEquals(List.of(cwd, "the first folder's", cwd), List.of(first.get("cwd").getAsString(),
                    first.get("data").getAsString(), first.get("child_pwd").getAsString()));
            assertEquals(List.of("ok", other, "one", "out from the cell\n", "the other folder's", other),
                    List.of(second.get("status").getAsString(), second.get("cwd").getAsString(), second.get("var").getAsString(),
                            second.get("stdout").getAsString(), second.get("data").getAsString(),
                            second.get("child_pwd").getAsString()), "the spare moved to the launch's folder");
            assertEquals("first.ipynb", first.get("session").getAsString());
            assertEquals(List.of("second.ipynb", "second.ipynb", "Notebook: " + other + "/second.ipynb (from JPY_SESSION_NAME)"),
                    List.of(second.get("session").getAsString(), second.get("child_session").getAsString(),
                            second.get("notebook").getAsString()), "the spare serves the launch's notebook, not its first's");
            assertTrue(res.get("spare_after_idle").getAsBoolean(), "a served kernel leaves a spare once idle");
            assertTrue(res.get("spare_after_next_cell").getAsBoolean(), "and another when that one has gone");
            assertTrue(res.get("served_jvm_gone").getAsBoolean(), "killing the launcher stops the JVM it handed off to");

            assertTrue(res.get("refusing_spare_gone").getAsBoolean(), "a spare refusing a launch exits");
            assertEquals(third.get("launcher_pid"), third.get("jvm_pid"), "other variables: a JVM of its own");
            assertEquals("two", third.get("var").getAsString());
        } finally {
            try (var files = Files.list(spares)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(spares);
        }
    }
}
