package io.jruns.cli;

import io.jruns.ui.UiInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code install/jruns ui} in a child process: one line with the link, ui.json while it runs, gone after SIGTERM. */
class UiCommandIT {
    static final Pattern LINE = Pattern.compile("jruns ui: (http://127\\.0\\.0\\.1:(\\d+)/)\\?token=([A-Za-z0-9_-]+)");
    @TempDir
    Path tmp;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        for (Process p : started) p.destroyForcibly();
    }

    Process start(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LauncherIT.LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.endsWith("TRACKING_URI"));
        env.put("JRUNS_HOME", home.toString());
        env.put("JRUNS_MVN", "false"); // built by the package phase already: never Maven from here
        Process p = pb.start();
        started.add(p);
        return p;
    }

    @Test
    void printsOneLineServesWithTheTokenRecordsItselfAndCleansUpOnSigterm() throws Exception {
        Path home = tmp.resolve("home");
        Process p = start(home, "ui", "--port", "0", "--no-browser");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null, "no line; stderr: " + Files.readString(tmp.resolve("err.txt")));
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);

        UiInfo info = UiInfo.read(home).orElseThrow(() -> new AssertionError("no live ui.json in " + home));
        assertEquals(m.group(1), info.url());
        assertEquals(m.group(3), info.token());
        assertEquals(p.pid(), info.pid(), "the launcher execs java: the recorded pid is the server's");
        assertEquals(home.toAbsolutePath().normalize().toString(), info.store(), "it serves JRUNS_HOME's store");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(home.resolve(UiInfo.FILE)), "the token is for the user only");

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(info.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bare.statusCode());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(line.substring("jruns ui: ".length()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(info.url())).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Experiments"), page.body());

        assertFalse(out.ready(), "one line only");
        p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jruns ui did not stop on SIGTERM");
        assertFalse(Files.exists(home.resolve(UiInfo.FILE)), "ui.json is removed on the way out");
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals("", err, "nothing on stderr (no SLF4J or Jetty noise)");
    }

    @Test
    void aTakenPortIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process p = start(tmp.resolve("home"), "ui", "--port", String.valueOf(taken.getLocalPort()), "--no-browser");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertEquals("jruns: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (in use? --port 0 picks a free port)\n",
                    Files.readString(tmp.resolve("err.txt")));
            assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertFalse(Files.exists(tmp.resolve("home").resolve(UiInfo.FILE)));
        }
    }

    @Test
    void aHomeItCannotWriteIsAWarningAndItServesAnyway() throws Exception {
        Path store = tmp.resolve("store");
        Path home = Files.writeString(tmp.resolve("a-file"), "").resolve("home"); // under a file: cannot be made
        Process p = start(home, "ui", "--port", "0", "--no-browser", "--tracking-uri", store.toString());
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        String err = Files.readString(tmp.resolve("err.txt"));
        assertTrue(line != null && LINE.matcher(line).matches(), line + "; stderr: " + err);
        assertEquals("jruns ui: warning: cannot write " + home.resolve(UiInfo.FILE) + " (Not a directory):"
                + " notebooks' %ui will not find this UI; it serves as usual\n", err);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jruns ui did not stop on SIGTERM");
    }
}
