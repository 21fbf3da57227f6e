package io.jruns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.kernel.spare.WaitingSpares;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jruns install --server-spare} with a real Jupyter server, both jupyter_server's and the
 * classic notebook server: the server starts a spare as it starts, and another when that one has
 * gone while no kernel runs, and the session's first notebook, in a folder below the server's
 * root, is served by it (the spare's JVM moves there).
 */
class ServerSpareIT {
    private static final String TOKEN = "server-spare-it";
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"server, ServerApp, root_dir", "notebook, NotebookApp, notebook_dir"})
    void theServerStartsASpareAndTheFirstNotebookIsServedByIt(String app, String appClass, String rootOption) throws Exception {
        Path prefix = tmp.resolve("prefix");
        Processes proc = new Processes(tmp.resolve("jruns-home"));
        Processes.Result install = proc.run(tmp, 600, Map.of("JRUNS_MVN", "false"), LauncherIT.LAUNCHER.toString(),
                "install", "--prefix", prefix.toString(), "--no-cds", "--server-spare");
        assertEquals(0, install.code(), install.toString());
        String module = install.out().lines().filter(l -> l.contains("jruns_jupyter: module ")).findFirst()
                .map(l -> l.substring(l.indexOf("module ") + 7)).orElseThrow(() -> new AssertionError(install.toString()));
        assertTrue(install.out().contains("jruns_jupyter: config " + prefix.toAbsolutePath() + "/etc/jupyter/jupyter_server_config.d/"),
                install.out());
        assertTrue(Files.isRegularFile(Path.of(module)), module);
        Processes.Result both = proc.run(tmp, 120, Map.of("JRUNS_MVN", "false"), LauncherIT.LAUNCHER.toString(),
                "install", "--prefix", tmp.resolve("other").toString(), "--no-spare", "--server-spare");
        assertEquals(2, both.code(), both.toString());
        assertEquals("jruns: install: --server-spare starts spares, which --no-spare turns off\n", both.err());
        assertTrue(!Files.exists(tmp.resolve("other")), "nothing written");
        Processes.Result direct = proc.run(tmp, 600, Map.of("JRUNS_MVN", "false"), LauncherIT.LAUNCHER.toString(),
                "install", "--prefix", prefix.toString(), "--no-cds", "--no-spare", "--name", "direct");
        assertEquals(0, direct.code(), direct.toString());

        Path spares = Files.createTempDirectory("server-spare"); // short: a socket's path has at most 107 bytes
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(sub.resolve("nb.ipynb"), "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        Processes.PASSED_ON.forEach(k -> Optional.ofNullable(System.getenv(k)).ifPresent(v -> env.put(k, v)));
        env.put("JRUNS_SPARE", "on");
        env.put("JRUNS_SPARE_DIR", spares.toString());
        env.put("JRUNS_SPARE_IDLE_MINUTES", "1"); // whatever happens, none outlives the test long
        env.put("JRUNS_SERVER_SPARE_CHECK_SECONDS", "1");
        env.put("JRUNS_HOME", tmp.resolve("jruns-home").toString());
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_CONFIG_PATH", prefix.resolve("etc/jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", Files.createDirectories(tmp.resolve("config")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(tmp.resolve("runtime")).toString());
        env.put("PYTHONPATH", Path.of(module).getParent().toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter", app, "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=" + port,
                "--" + appClass + ".token=" + TOKEN, "--" + appClass + "." + rootOption + "=" + root)
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve(app + ".log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process server = pb.start();
        try {
            Supplier<String> log = () -> read(tmp.resolve(app + ".log"));
            long first = waitFor(() -> listening(spares), Duration.ofSeconds(90))
                    .orElseThrow(() -> new AssertionError("no spare listens; the server's log:\n" + log.get()));
            ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly); // as if it had exited idle
            long spare = waitFor(() -> listening(spares).filter(p -> p != first), Duration.ofSeconds(90))
                    .orElseThrow(() -> new AssertionError("the server started no spare after the first went; its log:\n" + log.get()));
            assertTrue(log.get().contains("jruns: starting a spare kernel for jruns,"), log.get());
            assertTrue(!log.get().contains("for direct"), "a kernel installed --no-spare gets none: " + log.get());
            assertEquals(root.toRealPath(), cwd(spare), "started in the server's root folder");
            try (var files = Files.list(spares)) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".log")), "started with nowhere to write, it logs to KEY.log");
            }

            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"path\": \"sub/nb.ipynb\", \"name\": \"nb.ipynb\", \"type\": \"notebook\", \"kernel\": {\"name\": \"jruns\"}}";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                    .header("Authorization", "token " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            JsonNode session = new ObjectMapper().readTree(created.body());
            Path subReal = sub.toRealPath();
            assertTrue(waitFor(() -> subReal.equals(cwd(spare)) ? Optional.of(true) : Optional.empty(), Duration.ofSeconds(60))
                    .isPresent(), "the spare's JVM serves the notebook, in its folder; the server's log:\n" + log.get());
            Thread.sleep(3_000); // three checks: none starts a spare while a kernel of its own runs (it runs no cell)
            assertEquals(Optional.empty(), listening(spares), "no spare while the notebook's kernel runs");
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions/" + session.get("id").asText()))
                    .header("Authorization", "token " + TOKEN).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            server.destroy();
            server.waitFor();
            stopAll(spares);
        }
        Processes.Result removed = proc.run(tmp, 600, Map.of("JRUNS_MVN", "false"), LauncherIT.LAUNCHER.toString(),
                "install", "--prefix", prefix.toString(), "--no-cds", "--no-server-spare");
        assertEquals(0, removed.code(), removed.toString());
        assertEquals(3, removed.out().lines().filter(l -> l.contains("jruns_jupyter: removed ")).count(), removed.out());
        assertTrue(!Files.exists(Path.of(module)), "the module is gone");
        try (var files = Files.walk(prefix.resolve("etc/jupyter"))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith("jruns_jupyter.json")).toList());
        }
    }

    /** The pid of a spare that listens in {@code spares}, as {@code jruns spares} finds it. */
    private static Optional<Long> listening(Path spares) {
        try {
            return WaitingSpares.in(spares).stream().findFirst().map(s -> s.process().pid());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
        } catch (IOException e) {
            return Path.of("/gone");
        }
    }

    private static <T> Optional<T> waitFor(Supplier<Optional<T>> what, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = what.get();
            if (v.isPresent()) return v;
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Every JVM left with this spare folder: spares, and the kernel a spare became. */
    private static void stopAll(Path spares) throws IOException {
        String mark = "JRUNS_SPARE_DIR=" + spares;
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            try {
                String environ = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "environ"));
                if (List.of(environ.split("\0")).contains(mark)) p.destroyForcibly();
            } catch (IOException | RuntimeException e) {
                // gone, or not ours
            }
        }
        try (var files = Files.list(spares)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(spares);
    }
}
