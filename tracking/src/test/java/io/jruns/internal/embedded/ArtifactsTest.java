package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run artifacts as files, and every way out of the run's folder refused. */
class ArtifactsTest {
    @TempDir
    Path tmp;
    Path home;
    Path outside;
    Path local;
    EmbeddedStore store;
    String run;
    Path runRoot;

    @BeforeEach
    void open() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        local = Files.createDirectories(tmp.resolve("local"));
        store = EmbeddedStore.inHome(home);
        var info = store.createRun("0", "u", 1, "r", List.of());
        run = info.runId();
        runRoot = Path.of(URI.create(info.artifactUri()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path file(String rel, String content) throws IOException {
        Path p = local.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void filesAndFoldersAreCopiedAndListedWithSizes() throws IOException {
        byte[] bin = new byte[3000];
        for (int i = 0; i < bin.length; i++) bin[i] = (byte) i;
        Path model = local.resolve("model.bin");
        Files.write(model, bin);
        store.logArtifact(run, model, "");
        store.logArtifact(run, file("notes.txt", "hello"), "docs/v1");
        file("tree/a.txt", "aa");
        file("tree/sub/b.txt", "bbb");
        store.logArtifact(run, local.resolve("tree"), "data");

        assertEquals(List.of(new FileInfo("data", true, null), new FileInfo("docs", true, null),
                new FileInfo("model.bin", false, 3000L)), store.listArtifacts(run, ""));
        assertEquals(List.of(new FileInfo("docs/v1/notes.txt", false, 5L)), store.listArtifacts(run, "docs/v1"));
        assertEquals(List.of(new FileInfo("data/a.txt", false, 2L), new FileInfo("data/sub", true, null)),
                store.listArtifacts(run, "data"));
        assertEquals(List.of(new FileInfo("data/sub/b.txt", false, 3L)), store.listArtifacts(run, "data/sub/"));
        assertTrue(store.listArtifacts(run, "nothing/here").isEmpty());

        assertArrayEquals(bin, Files.readAllBytes(store.downloadArtifact(run, "model.bin")));
        assertEquals("bbb", Files.readString(store.downloadArtifact(run, "data/sub/b.txt")));
        assertTrue(store.downloadArtifact(run, "data/sub/b.txt").startsWith(runRoot));
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "nope.txt"));
    }

    @Test
    void aFolderHoldingASocketIsRefusedBeforeAnythingIsCopied() throws IOException {
        Path dir = file("with-socket/a.txt", "a").getParent();
        Path socket = dir.resolve("z.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            JrunsException e = assertThrows(JrunsException.class, () -> store.logArtifact(run, dir, ""));
            assertEquals("cannot log " + dir + " as artifacts: " + socket + " is not a regular file (a socket, pipe,"
                    + " device or broken link); nothing was copied", e.getMessage());
        }
        assertEquals(List.of(), store.listArtifacts(run, ""), "no half of the folder in the run");
    }

    @Test
    void aFileNamedWithABackslashIsRefusedNamingIt() throws IOException {
        Path odd = file("a\\b.txt", "x");
        JrunsException e = assertThrows(JrunsException.class, () -> store.logArtifact(run, odd, "dir"));
        assertEquals("cannot log " + odd + " as an artifact: its name has a '\\', which artifact paths read as a"
                + " folder separator; rename it", e.getMessage());
        Path tree = file("tree/ok.txt", "ok").getParent();
        Path inside = file("tree/sub/c\\d.txt", "x");
        e = assertThrows(JrunsException.class, () -> store.logArtifact(run, tree, ""));
        assertEquals("cannot log " + tree + " as artifacts: the name of " + inside + " has a '\\', which artifact paths"
                + " read as a folder separator; rename it; nothing was copied", e.getMessage());
        assertEquals(List.of(), store.listArtifacts(run, ""), "no half of the folder in the run");
    }

    @Test
    void aFileMadeWithABackslashInItsNameIsListedAndReadAsItIs() throws IOException {
        Path folder = Path.of(java.net.URI.create(store.getRun(run).orElseThrow().info().artifactUri()));
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub").resolve("we\\ird.txt"), "odd"); // as MLflow on Linux may leave one
        assertEquals(List.of("sub/we\\ird.txt"), store.listArtifacts(run, "sub").stream().map(FileInfo::path).toList());
        assertEquals("odd", Files.readString(store.downloadArtifact(run, "sub/we\\ird.txt")));
        store.logArtifact(run, file("x.txt", "x"), "win\\dir"); // written on Windows: still a folder
        assertEquals("x", Files.readString(store.downloadArtifact(run, "win/dir/x.txt")));
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "sub\\..\\..\\x"));
    }

    @Test
    void loggingAgainReplacesTheFile() throws IOException {
        store.logArtifact(run, file("a.txt", "one"), "");
        store.logArtifact(run, file("a.txt", "three"), "");
        assertEquals(List.of(new FileInfo("a.txt", false, 5L)), store.listArtifacts(run, ""));
    }

    @Test
    void clearErrorsForMissingSourceMissingRunAndDeletedRun() throws IOException {
        JrunsException noFile = assertThrows(JrunsException.class,
                () -> store.logArtifact(run, local.resolve("missing.txt"), ""));
        assertTrue(noFile.getMessage().contains("missing.txt"), noFile.getMessage());
        Path f = file("a.txt", "a");
        assertThrows(JrunsException.class, () -> store.logArtifact("0123456789abcdef0123456789abcdef", f, ""));
        Files.createDirectories(runRoot.getParent());
        Files.deleteIfExists(runRoot);
        Files.writeString(runRoot, "a file where the run's folder goes");
        JrunsException noFolder = assertThrows(JrunsException.class, () -> store.logArtifact(run, f, ""));
        assertTrue(noFolder.getMessage().startsWith("cannot make the run's artifact folder " + runRoot), noFolder.getMessage());
        Files.delete(runRoot);
        store.deleteRun(run);
        JrunsException deleted = assertThrows(JrunsException.class, () -> store.logArtifact(run, f, ""));
        assertTrue(deleted.getMessage().contains("deleted"), deleted.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "../../outside", "a/../../x", "a/..", "/abs", "/tmp/x", "x/../../..",
            "..\\x", "C:/windows"})
    void pathsThatLeaveTheRunAreRefusedEverywhere(String bad) throws IOException {
        Path f = file("evil.txt", "evil");
        JrunsException log = assertThrows(JrunsException.class, () -> store.logArtifact(run, f, bad));
        JrunsException list = assertThrows(JrunsException.class, () -> store.listArtifacts(run, bad));
        JrunsException get = assertThrows(JrunsException.class, () -> store.downloadArtifact(run, bad));
        for (JrunsException e : List.of(log, list, get)) {
            assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
            assertTrue(e.getMessage().contains("artifact path"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertNoFileNamed("evil.txt", tmp, runRoot);
    }

    @Test
    void symlinksOutOfTheRunAreRefused() throws IOException {
        store.logArtifact(run, file("ok.txt", "ok"), "");
        Files.createSymbolicLink(runRoot.resolve("out"), outside);
        Files.createSymbolicLink(runRoot.resolve("secret-link.txt"), outside.resolve("secret.txt"));
        Path f = file("evil.txt", "evil");

        for (String path : List.of("out", "out/secret.txt", "out/sub")) {
            assertThrows(JrunsException.class, () -> store.logArtifact(run, f, path), path);
            assertThrows(JrunsException.class, () -> store.listArtifacts(run, path), path);
        }
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "out/secret.txt"));
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "secret-link.txt"));
        assertThrows(JrunsException.class, () -> store.downloadArtifact(run, "out"));
        // Links leading out are not the run's: the listing shows only what is inside.
        assertEquals(List.of("ok.txt"), store.listArtifacts(run, "").stream().map(FileInfo::path).toList());

        // A file with the link's name would be written through the link.
        Path sameName = file("named/secret-link.txt", "overwritten");
        assertThrows(JrunsException.class, () -> store.logArtifact(run, sameName, ""));
        // A folder whose sub-folder has the link's name would be copied through it.
        file("tree/out/evil.txt", "evil");
        assertThrows(JrunsException.class, () -> store.logArtifact(run, local.resolve("tree"), ""));

        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret.txt")), s.toList(), "nothing written outside the run");
        }
    }

    @Test
    void linksThatStayInsideTheRunAreFine() throws IOException {
        store.logArtifact(run, file("d/inner.txt", "inner"), "d");
        Files.createSymbolicLink(runRoot.resolve("alias"), runRoot.resolve("d"));
        assertEquals("inner", Files.readString(store.downloadArtifact(run, "alias/inner.txt")));
    }

    private static void assertNoFileNamed(String name, Path root, Path allowedUnder) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> found = all.filter(p -> p.getFileName().toString().equals(name))
                    .filter(p -> !p.startsWith(root.resolve("local")))
                    .filter(p -> !p.startsWith(allowedUnder))
                    .toList();
            assertEquals(List.of(), found, "written outside the run");
        }
    }
}
