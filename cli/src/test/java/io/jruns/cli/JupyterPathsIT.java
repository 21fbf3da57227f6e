package io.jruns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.execute.Jupyter;
import io.jruns.execute.KernelDirs;
import io.jruns.kernel.install.JupyterPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@code jruns install --user} writes is where Jupyter looks: our resolution of Jupyter's
 * data folders against {@code /usr/bin/jupyter --paths --json} in the same environments, and a
 * kernel installed with {@code HOME} set to a temporary folder seen by {@code jupyter kernelspec list}.
 */
class JupyterPathsIT {
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static Path home;

    @BeforeAll
    static void folders() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.createSymbolicLink(tmp.resolve("home-link"), home);
    }

    /** Only what the test gives, plus PATH: no HOME or XDG_* of the machine leaks in. */
    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    static JsonNode jupyter(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(JUPYTER.toString()));
        cmd.addAll(List.of(args));
        Processes.Result r = run(env, cmd);
        assertEquals(0, r.code(), r.toString());
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("no JSON from jupyter " + String.join(" ", args) + ": " + r, e);
        }
    }

    /** Runs a command with exactly this environment (nothing inherited). */
    static Processes.Result run(Map<String, String> env, List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish");
            }
            return new Processes.Result(p.exitValue(), out, Files.readString(tmp.resolve("stderr.txt")));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void dataFoldersAreResolvedExactlyAsJupyterPathsDoes() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        String h = home.toString();
        cases.put("HOME only", env("HOME", h));
        cases.put("HOME with a trailing slash", env("HOME", h + "/"));
        cases.put("HOME through a symlink", env("HOME", tmp.resolve("home-link").toString()));
        cases.put("HOME that does not exist", env("HOME", tmp.resolve("nowhere/deeper").toString()));
        cases.put("XDG_DATA_HOME", env("HOME", h, "XDG_DATA_HOME", tmp.resolve("xdg").toString()));
        cases.put("empty XDG_DATA_HOME", env("HOME", h, "XDG_DATA_HOME", ""));
        cases.put("JUPYTER_DATA_DIR over XDG_DATA_HOME", env("HOME", h, "XDG_DATA_HOME", tmp.resolve("xdg").toString(),
                "JUPYTER_DATA_DIR", tmp.resolve("jdata").toString()));
        cases.put("JUPYTER_PATH and PYTHONUSERBASE", env("HOME", h, "JUPYTER_PATH",
                tmp.resolve("a") + ":" + tmp.resolve("b") + "/", "PYTHONUSERBASE", tmp.resolve("userbase").toString()));
        cases.put("JUPYTER_PREFER_ENV_PATH, no user site", env("HOME", tmp.resolve("home-link").toString(),
                "JUPYTER_PREFER_ENV_PATH", "1", "PYTHONNOUSERSITE", "1"));
        cases.put("JUPYTER_PREFER_ENV_PATH=off", env("HOME", h, "JUPYTER_PREFER_ENV_PATH", "off"));
        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            Map<String, String> env = c.getValue();
            List<String> expected = strings(jupyter(env, "--paths", "--json").path("data"));
            Path sysPrefix = KernelDirs.pythonSysPrefix(Jupyter.locate(env));
            List<String> ours = JupyterPaths.dataPath(env, sysPrefix).stream().map(Path::toString).toList();
            assertEquals(expected, ours, c.getKey() + ": " + env);
            assertTrue(expected.contains(KernelDirs.user(env).getParent().toString()),
                    c.getKey() + ": the --user folder " + KernelDirs.user(env) + " is one Jupyter searches: " + expected);
        }
    }

    /** --sys-prefix asks the Python named by jupyter's #! line, also when that line goes through env. */
    @Test
    void sysPrefixComesFromThePythonOfTheJupyterScript() throws IOException {
        Map<String, String> env = env("HOME", home.toString());
        Processes.Result direct = run(env, List.of("python3", "-c", "import sys; print(sys.prefix)"));
        assertEquals(0, direct.code(), direct.toString());
        Path script = tmp.resolve("env-jupyter");
        Files.writeString(script, "#!/usr/bin/env python3\nraise SystemExit('not run')\n");
        script.toFile().setExecutable(true);
        env.put("JRUNS_JUPYTER", script.toString());
        assertEquals(Path.of(direct.out().strip()), KernelDirs.pythonSysPrefix(Jupyter.locate(env)));
        assertEquals(Path.of(direct.out().strip(), "share/jupyter/kernels"), KernelDirs.sysPrefix(Jupyter.locate(env)));
    }

    @Test
    void installUserWithATemporaryHomeIsSeenByJupyter() throws IOException {
        for (boolean xdg : new boolean[]{false, true}) {
            Path fresh = Files.createDirectories(tmp.resolve(xdg ? "fresh-xdg" : "fresh"));
            Path javaHome = Files.createDirectories(tmp.resolve("java-user-home-" + xdg));
            Map<String, String> env = xdg ? env("HOME", fresh.toString(), "XDG_DATA_HOME", fresh.resolve("xdg-data").toString())
                    : env("HOME", fresh.toString());
            // Java's user.home points elsewhere (a temp folder too, so a wrong install touches no real home)
            Map<String, String> launch = new HashMap<>(env);
            launch.put("JRUNS_MVN", "false");
            launch.put("JRUNS_JAVA_OPTS", "-Duser.home=" + javaHome);
            if (System.getenv("JAVA_HOME") != null) launch.put("JAVA_HOME", System.getenv("JAVA_HOME"));
            launch.put("JRUNS_HOME", tmp.resolve("jruns-home").toString());
            Processes.Result r = run(launch, List.of(LauncherIT.LAUNCHER.toString(), "install", "--user", "--no-cds"));
            assertEquals(0, r.code(), r.toString());

            JsonNode spec = jupyter(env, "kernelspec", "list", "--json").path("kernelspecs").path("jruns");
            assertFalse(spec.isMissingNode(), "jupyter kernelspec list with HOME=" + fresh + " does not see jruns: " + r);
            Path expected = xdg ? fresh.resolve("xdg-data/jupyter/kernels/jruns") : fresh.resolve(".local/share/jupyter/kernels/jruns");
            assertEquals(expected.toRealPath().toString(), Path.of(spec.path("resource_dir").asText()).toRealPath().toString());
            assertTrue(r.out().matches("(?s).*Installed kernelspec 'jruns' \\(Java \\d+\\) in " + Pattern.quote(expected.toString()) + "\n.*"),
                    r.out());
            try (var files = Files.list(javaHome)) {
                assertEquals(0, files.count(), "nothing written under Java's user.home");
            }
        }
    }

    /**
     * {@code --java} puts another JDK in the kernelspec, with the options of its release: from
     * JDK 24 native access and, for spares, the packages they write (the newest JDK under
     * /usr/lib/jvm, else this test's own).
     */
    @Test
    void installOnTheJdkGiven() throws IOException {
        Path own = Path.of(System.getProperty("java.home"));
        Path jdk = Jdks.newest().filter(d -> Jdks.release(d) > Jdks.release(own)).orElse(own);
        int release = Jdks.release(jdk);
        Path prefix = tmp.resolve("on-" + release);
        Map<String, String> launch = env("HOME", home.toString(), "JRUNS_MVN", "false", "JRUNS_HOME", tmp.resolve("jruns-home").toString());
        Processes.Result r = run(launch, List.of(LauncherIT.LAUNCHER.toString(), "install", "--prefix", prefix.toString(), "--no-cds",
                "--java", jdk.toString()));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Installed kernelspec 'jruns' (Java " + release + ") in "), r.out());
        List<String> argv = new ArrayList<>();
        JSON.readTree(prefix.resolve("share/jupyter/kernels/jruns/kernel.json").toFile()).path("argv").forEach(a -> argv.add(a.asText()));
        assertEquals(jdk.resolve("bin/java").toString(), argv.get(4), argv.toString());
        assertEquals(release >= 24, argv.contains("--enable-native-access=ALL-UNNAMED"), argv.toString());
        assertEquals(release >= 24, argv.contains("--add-opens=java.base/java.io=ALL-UNNAMED"), argv.toString());

        launch.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        Processes.Result kernels = run(launch, List.of(LauncherIT.LAUNCHER.toString(), "kernels"));
        assertEquals(0, kernels.code(), kernels.toString());
        List<String> header = List.of(kernels.out().lines().findFirst().orElseThrow().split("\\s{2,}"));
        assertEquals(List.of("name", "display name", "jruns", "java", "path"), header);
        String row = kernels.out().lines().filter(l -> l.startsWith("jruns ")).findFirst().orElseThrow(() -> new AssertionError(kernels.out()));
        List<String> cells = List.of(row.split("\\s{2,}"));
        assertEquals(List.of("jruns", "Java (jruns)", String.valueOf(release)), List.of(cells.get(0), cells.get(1), cells.get(3)), row);
        assertFalse(cells.get(2).isBlank(), "the jruns version: " + row);
        assertEquals("", kernels.err(), "nothing lacking");

        // as installed by a jruns before this one: without the options its JDK needs
        Path kernelJson = prefix.resolve("share/jupyter/kernels/jruns/kernel.json");
        Files.writeString(kernelJson, Files.readString(kernelJson).replaceAll("\\s*\"--(enable-native-access|add-opens)[^\"]*\",", ""));
        Processes.Result old = run(launch, List.of(LauncherIT.LAUNCHER.toString(), "kernels"));
        assertEquals(0, old.code(), old.toString());
        assertEquals(release >= 24 ? "kernel 'jruns' lacks --enable-native-access=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED "
                + "--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.fs=ALL-UNNAMED for its JDK: install it again, "
                + "e.g. jruns install --name jruns\n" : "", old.err());
    }
}
