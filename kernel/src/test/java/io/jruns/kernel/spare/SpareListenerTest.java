package io.jruns.kernel.spare;

import com.google.gson.Gson;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spare's side of the hand-off on a real Unix socket, with a client that speaks as launch.py does. */
class SpareListenerTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/home/ada", "JRUNS_SPARE_KEY", "42", "JRUNS_SPARE_DIR", "d");
    private static final Path CWD = Path.of("/nb");

    @TempDir
    Path tmp;
    /** The notebook variables each served launch handed to the spare (its environment, in a kernel). */
    private final List<Map<String, String>> taken = new CopyOnWriteArrayList<>();
    /** The folders the spare moved to (its working directory, in a kernel). */
    private final List<Path> moved = new CopyOnWriteArrayList<>();

    /** A spare that can take a launch's variables and folder (and records what it took). */
    private Optional<Adoption> adoption() {
        return Optional.of(new Adoption(taken::add, Optional.of(moved::add)));
    }

    private Optional<SpareListener.HandOff> await(SpareListener l) throws IOException {
        return l.await(CWD, ENV, ClasspathStamp.current());
    }

    private SpareConfig config(Duration idle) {
        return new SpareConfig(tmp.resolve("spares"), "42", idle);
    }

    private static String launch(Path socket, Path cwd, Map<String, String> env) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            String line = new Gson().toJson(Map.of("connection_file", "/tmp/kernel-7.json", "cwd", cwd.toString(), "env", env));
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer answer = ByteBuffer.allocate(4096);
            while (ch.read(answer) >= 0 && (answer.position() == 0 || answer.get(answer.position() - 1) != '\n')) {
                // until the answer's end of line
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
        }
    }

    private static CompletableFuture<String> launchAsync(Path socket, Map<String, String> env) {
        return launchAsync(socket, CWD, env);
    }

    private static CompletableFuture<String> launchAsync(Path socket, Path cwd, Map<String, String> env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launch(socket, cwd, env);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void oneSparePerKeyInAFolderOnlyItsUserCanUse() throws Exception {
        try (SpareListener first = SpareListener.claim(config(Duration.ofSeconds(5))).orElseThrow()) {
            assertEquals(Optional.empty(), SpareListener.claim(config(Duration.ofSeconds(5))));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(tmp.resolve("spares"))));
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(config(Duration.ZERO).lock()));
            assertEquals(Optional.of(ProcessHandle.current()), SpareListener.holder(config(Duration.ZERO)));
        }
        assertEquals(Optional.empty(), SpareListener.holder(config(Duration.ZERO)), "released: no pid left");
        SpareListener.claim(config(Duration.ofSeconds(5))).orElseThrow().close(); // released with the first
    }

    @Test
    void givingTheKeyUpTwiceLeavesTheNextSparesSocketAlone() throws Exception {
        SpareListener first = SpareListener.claim(config(Duration.ofSeconds(5))).orElseThrow();
        first.listen();
        first.close();
        try (SpareListener next = SpareListener.claim(config(Duration.ofSeconds(5))).orElseThrow()) {
            next.listen();
            first.close(); // as the first spare's shutdown hook does when it exits, a kernel by then
            assertTrue(Files.exists(config(Duration.ZERO).socket()));
            assertEquals(Optional.of(ProcessHandle.current()), SpareListener.holder(config(Duration.ZERO)));
        }
    }

    @Test
    void aFolderOthersCanWriteIsRefused() throws Exception {
        Files.createDirectory(tmp.resolve("spares"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(tmp.resolve("spares"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> SpareListener.claim(config(Duration.ofSeconds(5))));
        assertTrue(e.getMessage().contains("is not a folder only"), e.getMessage());
    }

    @Test
    void aMatchingLaunchIsTakenAndTheSocketAndLockGoAtOnce() throws Exception {
        SpareConfig c = config(Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(adoption());
            CompletableFuture<String> answer = launchAsync(c.socket(), Map.of("HOME", "/home/ada", "JPY_PARENT_PID", "9"));
            SpareListener.HandOff h = await(l).orElseThrow();
            assertEquals("ok\n", answer.get());
            assertEquals(Path.of("/tmp/kernel-7.json"), h.connectionFile());
            assertFalse(Files.exists(c.socket()), "a second launcher must find no socket");
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(KernelMark.file(c)), "named as the kernel");
            SpareListener.claim(c).orElseThrow().close(); // the next spare may start
            h.channel().close();
        }
    }

    @Test
    void aLaunchForAnotherNotebookOfTheFolderIsTakenWithTheNotebooksName() throws Exception {
        SpareConfig c = config(Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(adoption());
            CompletableFuture<String> answer = launchAsync(c.socket(), Map.of("HOME", "/home/ada", "JPY_SESSION_NAME", "b.ipynb"));
            SpareListener.HandOff h = await(l).orElseThrow();
            assertEquals("ok\n", answer.get());
            Map<String, String> b = new HashMap<>();
            SpareConfig.TAKEN.forEach(k -> b.put(k, null));
            b.put("JPY_SESSION_NAME", "b.ipynb");
            assertEquals(List.of(b), taken);
            assertEquals(List.of(), moved, "the same folder: nothing to move");
            h.channel().close();
        }
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) { // a JVM that cannot write its environment
            l.listen(Optional.empty());
            CompletableFuture<String> answer = launchAsync(c.socket(), Map.of("HOME", "/home/ada", "JPY_SESSION_NAME", "b.ipynb"));
            assertEquals(Optional.empty(), await(l));
            assertEquals("no: environment variable JPY_SESSION_NAME differs\n", answer.get());
        }
    }

    @Test
    void aLaunchFromAnotherFolderIsTakenWithTheFolderWhereTheSpareCanMove() throws Exception {
        SpareConfig c = config(Duration.ofSeconds(30));
        Path other = Path.of("/home/ada/project");
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(adoption());
            CompletableFuture<String> answer = launchAsync(c.socket(), other, Map.of("HOME", "/home/ada"));
            SpareListener.HandOff h = await(l).orElseThrow();
            assertEquals("ok\n", answer.get());
            assertEquals(List.of(other), moved);
            h.channel().close();
        }
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) { // a folder it cannot go to
            l.listen(Optional.of(new Adoption(taken::add, Optional.of(dir -> false))));
            CompletableFuture<String> answer = launchAsync(c.socket(), other, Map.of("HOME", "/home/ada"));
            assertEquals(Optional.empty(), await(l));
            assertEquals("no: the notebook's variables or folder could not be set\n", answer.get());
        }
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) { // a JVM that cannot move
            l.listen(Optional.of(new Adoption(taken::add, Optional.empty())));
            CompletableFuture<String> answer = launchAsync(c.socket(), other, Map.of("HOME", "/home/ada"));
            assertEquals(Optional.empty(), await(l));
            assertEquals("no: working directory /home/ada/project is not the spare's /nb\n", answer.get());
        }
        assertEquals(List.of(other), moved);
    }

    @Test
    void aLaunchFromAnotherEnvironmentIsRefusedAndTheSpareGoes() throws Exception {
        SpareConfig c = config(Duration.ofSeconds(30));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(adoption());
            CompletableFuture<String> answer = launchAsync(c.socket(), Map.of("HOME", "/home/bob"));
            assertEquals(Optional.empty(), await(l));
            assertEquals("no: environment variable HOME differs\n", answer.get());
            assertEquals(List.of(), taken, "a refused launch changes nothing");
            assertFalse(Files.exists(KernelMark.file(c)), "and names no kernel");
            assertEquals(List.of(), moved);
            assertFalse(Files.exists(c.socket()));
        }
    }

    @Test
    void aSpareStartedBeforeItsJarsChangedDoesNotServe() throws Exception {
        Path jar = Files.writeString(tmp.resolve("kernel.jar"), "v1");
        ClasspathStamp before = ClasspathStamp.of(jar.toString());
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(Optional.of(jar.toString()), before.changedIn(ClasspathStamp.of(jar.toString())));
        assertEquals(Optional.empty(), before.changedIn(before));
    }

    @Test
    void aSpareNobodyLaunchesGivesUpAfterItsIdleTime() throws Exception {
        SpareConfig c = config(Duration.ofMillis(200));
        try (SpareListener l = SpareListener.claim(c).orElseThrow()) {
            l.listen(adoption());
            long t0 = System.nanoTime();
            assertEquals(Optional.empty(), await(l));
            assertTrue(System.nanoTime() - t0 >= 150_000_000L);
        }
        assertFalse(Files.exists(c.socket()));
    }
}
