package io.jruns.kernel.spare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * launch.sh and launch.py as Jupyter runs them (real sh, real python3), with a stand-in for java
 * that records how it was started, and a real spare listener on the other end of the socket.
 */
class LaunchScriptIT {
    @TempDir
    Path tmp;
    private Path spares;
    private Path record;
    private Path fakeJava;

    @BeforeEach
    void scripts() throws IOException {
        for (String s : List.of("launch.sh", "launch.py")) {
            try (InputStream in = getClass().getResourceAsStream("/io/jruns/kernel/spare/" + s)) {
                Files.write(tmp.resolve(s), in.readAllBytes());
            }
        }
        spares = tmp.resolve("spares");
        record = tmp.resolve("java-started");
        fakeJava = tmp.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" \"key=$JRUNS_SPARE_KEY\" \"dir=$JRUNS_SPARE_DIR\" > '" + record + "'\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
    }

    private Process launch(Map<String, String> extraEnv) throws IOException {
        return launch(extraEnv, "/usr/bin/python3", tmp);
    }

    /** As Jupyter starts a kernel for a notebook in {@code folder}: there, with a relative connection file. */
    private Process launch(Map<String, String> extraEnv, String python, Path folder) throws IOException {
        return launch("kernel-3.json", extraEnv, python, folder);
    }

    /** As jruns's Jupyter server extension starts a spare: --spare for the connection file. */
    private Process serverSpare() throws IOException {
        return launch("--spare", Map.of(), "/usr/bin/python3", tmp);
    }

    private Process launch(String connectionFile, Map<String, String> extraEnv, String python, Path folder) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", tmp.resolve("launch.sh").toString(), connectionFile,
                python, fakeJava.toString(), "-Xmx1g", "io.jruns.kernel.KernelMain").directory(folder.toFile());
        pb.environment().remove("JRUNS_SPARE");
        pb.environment().put("JRUNS_SPARE_DIR", spares.toString());
        pb.environment().put("PWD", tmp.toString()); // as a shell started there has it
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    /** The environment of a spare the launcher's kernel would have started. */
    private Map<String, String> spareEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JRUNS_SPARE_DIR", spares.toString());
        env.put("PWD", tmp.toString());
        env.remove("JRUNS_SPARE");
        return env;
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        return err;
    }

    /** With no spare waiting: the JVM runs in the launcher's place, told where its spare goes. */
    private String coldKey(Map<String, String> env) throws Exception {
        return coldKey(env, tmp);
    }

    private String coldKey(Map<String, String> env, Path folder) throws Exception {
        finish(launch(env, "/usr/bin/python3", folder));
        List<String> args = Files.readAllLines(record);
        assertEquals(List.of("-Xmx1g", "io.jruns.kernel.KernelMain", "kernel-3.json"), args.subList(0, 3));
        assertEquals("dir=" + spares, args.get(4));
        Files.delete(record);
        return args.get(3).substring("key=".length());
    }

    @Test
    void withoutASpareTheJvmStartsInPlaceAndWithSparesOffItIsToldNone() throws Exception {
        String key = coldKey(Map.of());
        assertTrue(key.matches("[0-9]+x[0-9]+"), key);
        assertEquals(key, coldKey(Map.of("JPY_PARENT_PID", "77")), "another server's pid names the same spare");
        assertEquals(key, coldKey(Map.of("JPY_SESSION_NAME", "other.ipynb")), "another notebook of the folder, the same spare");
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        assertEquals(key, coldKey(Map.of("JPY_SESSION_NAME", "other.ipynb"), elsewhere), "a notebook of another folder, the same spare");
        finish(launch(Map.of("JRUNS_SPARE", "off")));
        assertEquals(List.of("key=", "dir="), Files.readAllLines(record).subList(3, 5));
    }

    @Test
    void theSocketOfAKilledSpareIsNotTriedAndTheJvmStartsInPlace() throws Exception {
        String key = coldKey(Map.of());
        // left by a spare killed with SIGKILL: its socket, and a lock naming a pid that is gone
        PrivateDir.create(spares);
        java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)
                .bind(java.net.UnixDomainSocketAddress.of(spares.resolve(key + ".sock"))).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(spares.resolve(key + ".lock"), String.valueOf(gone.pid()));
        Path pythonRan = tmp.resolve("python-ran");
        Path python = Files.writeString(tmp.resolve("python"), "#!/bin/sh\ntouch '" + pythonRan + "'\nexec /usr/bin/python3 \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        finish(launch(Map.of(), python.toString(), tmp));
        assertEquals("key=" + key, Files.readAllLines(record).get(3), "the JVM started in the launcher's place");
        assertFalse(Files.exists(pythonRan), "no Python for a socket nobody listens on");
    }

    @Test
    void aWaitingSpareTakesTheLaunchAndTheLauncherRelaysItsLogUntilItEnds() throws Exception {
        String key = coldKey(Map.of());
        Map<String, String> env = spareEnv();
        SpareConfig c = new SpareConfig(spares, key, Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            List<Map<String, String>> taken = new java.util.ArrayList<>();
            List<Path> moved = new java.util.ArrayList<>();
            l.listen(Optional.of(new Adoption(taken::add, Optional.of(moved::add))));
            Path folder = Files.createDirectory(tmp.resolve("other"));
            Process p = launch(Map.of("JPY_SESSION_NAME", "other.ipynb"), "/usr/bin/python3", folder); // not the spare's notebook
            SpareListener.HandOff h = l.await(tmp.toRealPath(), env, ClasspathStamp.current()).orElseThrow();
            assertEquals(folder.resolve("kernel-3.json"), h.connectionFile(), "made absolute in the launch's folder");
            assertEquals("other.ipynb", taken.get(0).get("JPY_SESSION_NAME"), "the launch's notebook, handed over");
            assertEquals(List.of(folder.toRealPath()), moved, "and its folder");
            h.channel().write(ByteBuffer.wrap("[jruns-kernel INFO] from the spare\n".getBytes(StandardCharsets.UTF_8)));
            Thread.sleep(200);
            assertTrue(p.isAlive(), "the launcher stays while the kernel runs");
            h.channel().close();
            assertTrue(finish(p).contains("[jruns-kernel INFO] from the spare"));
            assertFalse(Files.exists(record), "no JVM started");
        }
    }

    /** A launch that comes while the spare still starts (claimed, not yet listening) waits for it. */
    @Test
    void aSpareStillStartingIsWaitedForAndServesTheLaunch() throws Exception {
        String key = coldKey(Map.of());
        SpareConfig c = new SpareConfig(spares, key, Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            Process p = launch(Map.of());
            Thread.sleep(700); // what the spare has left of its start
            assertTrue(p.isAlive(), "the launcher waits for the spare");
            l.listen(Optional.of(new Adoption(m -> true, Optional.empty())));
            SpareListener.HandOff h = l.await(tmp.toRealPath(), spareEnv(), ClasspathStamp.current()).orElseThrow();
            h.channel().close();
            finish(p);
            assertFalse(Files.exists(record), "no JVM started");
        }
    }

    /**
     * The server extension's check in the order that left a spare beside a kernel (ServerSpareIT,
     * once in four runs): it saw none of its kernels run, then a notebook's launch took the waiting
     * spare, then its launch.sh --spare ran. That kernel leaves spares itself, so the server's
     * starts none while it runs: not launch.sh, nor a JVM started just before the spare was taken;
     * the kernel's own spare still does.
     */
    @Test
    void aServersSpareStartsOnlyWhileNoKernelASpareBecameRuns() throws Exception {
        String key = coldKey(Map.of());
        SpareConfig c = new SpareConfig(spares, key, Duration.ofSeconds(30));
        finish(serverSpare());
        assertEquals(List.of("-Xmx1g", "io.jruns.kernel.KernelMain", "--server-spare", "key=" + key, "dir=" + spares),
                Files.readAllLines(record), "no spare, no kernel: the server's spare starts");
        Files.delete(record);
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(Optional.of(new Adoption(m -> true, Optional.empty())));
            Process p = launch(Map.of());
            SpareListener.HandOff h = l.await(tmp.toRealPath(), spareEnv(), ClasspathStamp.current()).orElseThrow();
            // this JVM is the notebook's kernel now
            finish(serverSpare());
            assertFalse(Files.exists(record), "launch.sh started a server's spare beside the kernel");
            assertEquals(Optional.empty(), SpareListener.claim(c, true), "a server's spare that got past launch.sh");
            assertEquals(Optional.empty(), SpareListener.holder(c), "refused, it left the lock as it was");
            SpareListener.claim(c).orElseThrow().close(); // the kernel's own spare
            h.channel().close();
            finish(p);
        }
        KernelMark.clear(c); // as the kernel exits
        finish(serverSpare());
        assertTrue(Files.exists(record), "the kernel has gone: the server's spare starts");
        Files.delete(record);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(KernelMark.file(c), String.valueOf(gone.pid())); // a kernel killed with SIGKILL
        finish(serverSpare());
        assertTrue(Files.exists(record), "a killed kernel's pid counts as none");
        SpareListener.claim(c, true).orElseThrow().close();
    }

    /** A spare that claimed its key long ago and never listened (stuck, or its pid reused) is not waited for. */
    @Test
    void aSpareThatStartedLongAgoAndDoesNotListenIsNotWaitedFor() throws Exception {
        String key = coldKey(Map.of());
        try (SpareListener l = SpareListener.claim(new SpareConfig(spares, key, Duration.ofSeconds(30))).orElseThrow()) {
            Files.setLastModifiedTime(spares.resolve(key + ".lock"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            long t0 = System.nanoTime();
            finish(launch(Map.of()));
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "no wait");
            assertEquals("key=" + key, Files.readAllLines(record).get(3), "the JVM started in the launcher's place");
        }
    }

    /** A refusal is routine (another JRUNS_HOME, nbconvert after jruns execute): logged only when asked for. */
    @ParameterizedTest(name = "JRUNS_KERNEL_LOG={0}")
    @CsvSource(nullValues = "unset", value = {"unset, false", "INFO, false", "WARNING, false", "FINE, true", "finest, true"})
    void aSpareThatRefusesTheLaunchLeavesItToAJvmOfItsOwn(String level, boolean logged) throws Exception {
        Map<String, String> launchEnv = new HashMap<>();
        if (level != null) launchEnv.put("JRUNS_KERNEL_LOG", level);
        String key = coldKey(launchEnv);
        Map<String, String> spareEnv = spareEnv();
        spareEnv.putAll(launchEnv);
        spareEnv.put("EXTRA", "only the spare has it");
        SpareConfig c = new SpareConfig(spares, key, Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(Optional.empty());
            Process p = launch(launchEnv);
            CompletableFuture<Optional<SpareListener.HandOff>> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return l.await(tmp.toRealPath(), spareEnv, ClasspathStamp.current());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String err = finish(p);
            assertEquals(Optional.empty(), served.get());
            assertEquals("key=" + key, Files.readAllLines(record).get(3));
            String line = " jruns-kernel FINE] launch: the waiting spare kernel did not take this launch "
                    + "(environment variable EXTRA differs); starting a JVM";
            assertEquals(logged, err.contains(line), err);
            if (!logged) assertEquals("", err);
        }
    }

    /** Whatever a spare answers, the log line says only which variable, never a value. */
    @Test
    void aRefusalThatCarriesMoreThanAVariablesNameIsNotRepeated() throws Exception {
        String key = coldKey(Map.of("JRUNS_KERNEL_LOG", "FINE"));
        PrivateDir.create(spares);
        Files.writeString(spares.resolve(key + ".lock"), String.valueOf(ProcessHandle.current().pid()));
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(spares.resolve(key + ".sock")));
            CompletableFuture<Void> answered = CompletableFuture.runAsync(() -> {
                try (var ch = server.accept()) {
                    ch.read(ByteBuffer.allocate(65536));
                    ch.write(ByteBuffer.wrap("no: environment variable TOKEN differs: s3cr3t\n".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String err = finish(launch(Map.of("JRUNS_KERNEL_LOG", "FINE")));
            answered.get(5, TimeUnit.SECONDS);
            assertTrue(err.contains("did not take this launch (its check of the launch failed); starting a JVM"), err);
            assertFalse(err.contains("s3cr3t"), err);
            assertEquals("key=" + key, Files.readAllLines(record).get(3));
        }
    }
}
