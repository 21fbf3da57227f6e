package io.jruns.source;

import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which repository a plain program's code is in, for each way of starting it: real git repositories. */
class ProgramGitTest {
    @TempDir
    Path dir;
    Path repo;
    String head;
    final ClassLoader none = new URLClassLoader(new URL[0], null);

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(dir.resolve("repo")).toRealPath();
        Files.writeString(Files.createDirectories(repo.resolve("src/p")).resolve("Main.java"),
                "package p; public class Main { public static void main(String[] a) { } }");
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        git(repo, "init", "-q");
        git(repo, "remote", "add", "origin", "https://user:secret@example.com/team/repo.git");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        head = git(repo, "rev-parse", "HEAD").strip();
    }

    @Test
    void aCommittedSourceFileGivesItsRepositoryClean() {
        Map<String, String> tags = ProgramGit.read(repo.resolve("src/p/Main.java").toString(), dir, none).orElseThrow().tags();
        assertEquals(head, tags.get(SystemTags.GIT_COMMIT));
        assertEquals(git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip(), tags.get(SystemTags.GIT_BRANCH));
        assertEquals("https://example.com/team/repo.git", tags.get(SystemTags.GIT_REPO_URL), "without credentials");
        assertEquals(repo.toString(), tags.get(SystemTags.GIT_ROOT));
        assertEquals("false", tags.get(SystemTags.GIT_DIRTY));
        assertNull(tags.get(SystemTags.GIT_UNTRACKED));
    }

    @Test
    void aSourceFileNeverCommittedIsUntrackedAndEditsMakeItDirty() throws Exception {
        Path scratch = Files.writeString(repo.resolve("src/Scratch.java"), "class Scratch { }");
        assertEquals("true", ProgramGit.read(scratch.toString(), dir, none).orElseThrow().tags().get(SystemTags.GIT_UNTRACKED));
        Files.writeString(repo.resolve("src/p/Main.java"), "package p; class Main { }");
        GitInfo edited = ProgramGit.read(repo.resolve("src/p/Main.java").toString(), dir, none).orElseThrow();
        assertTrue(edited.dirty() && !edited.untracked(), edited.toString());
    }

    @Test
    void aMainClassGivesTheRepositoryOfItsClassFolderBuiltOutsideTheCommit() throws Exception {
        Path classes = Files.createDirectories(repo.resolve("target/classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                repo.resolve("src/p/Main.java").toString()));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            GitInfo g = ProgramGit.read("p.Main", dir, loader).orElseThrow();
            assertEquals(head, g.commit());
            assertEquals(repo.toString(), g.root());
            assertTrue(!g.dirty() && !g.untracked(), "ignored build output is neither dirty nor untracked: " + g);
        }
    }

    @Test
    void aJarOutsideAnyRepositoryFallsBackToTheWorkingFoldersRepository() throws Exception {
        Path jar = Files.writeString(Files.createDirectories(dir.resolve("opt")).resolve("app.jar"), "zip");
        assertEquals(Optional.of(head), ProgramGit.read(jar.toString(), repo.resolve("src"), none).map(GitInfo::commit));
        assertEquals(Optional.of(head), ProgramGit.read("no.such.Main", repo, none).map(GitInfo::commit));
    }

    @Test
    void aSourceFileOutsideAnyRepositoryHasNoGitStateWhateverTheWorkingFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("Loose.java"), "class Loose { }");
        assertEquals(Optional.empty(), ProgramGit.read(file.toString(), repo, none), "another repository is not the code's");
    }

    static String git(Path dir, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
