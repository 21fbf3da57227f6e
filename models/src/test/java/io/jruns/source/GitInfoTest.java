package io.jruns.source;

import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether a notebook's run is tagged dirty, and untracked, for each state of it in a real repository. */
class GitInfoTest {
    @TempDir
    Path repo;
    @TempDir
    Path elsewhere;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // state of the notebook (nb.ipynb) and the tree         | dirty | untracked
            "committed, clean tree                                   | false | ",
            "committed, edited                                       | true  | ",
            "committed, another tracked file edited                  | true  | ",
            "committed, another file untracked                       | false | ",
            "never committed: untracked                              | true  | true",
            "never committed: ignored                                | true  | true",
            "never committed: staged                                 | true  | true",
    })
    void tagsSayWhetherTheCommitHoldsTheNotebookAsRun(String state, String dirty, String untracked) throws Exception {
        git("init", "-q");
        Files.writeString(repo.resolve("other.txt"), "a");
        Path nb = repo.resolve("nb.ipynb");
        if (state.startsWith("committed")) Files.writeString(nb, "{}");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        if (state.startsWith("never")) Files.writeString(nb, "{}");
        if (state.endsWith("ignored")) {
            Files.writeString(repo.resolve(".git/info/exclude"), "*.ipynb\n");
        }
        if (state.endsWith("staged")) git("add", "nb.ipynb");
        if (state.endsWith("edited") && state.contains("another")) Files.writeString(repo.resolve("other.txt"), "b");
        else if (state.endsWith("edited")) Files.writeString(nb, "{\"x\": 1}");
        if (state.endsWith("untracked") && state.contains("another")) Files.writeString(repo.resolve("new.txt"), "n");

        Map<String, String> tags = GitInfo.of(nb).orElseThrow().tags();

        assertEquals(git("rev-parse", "HEAD").strip(), tags.get(SystemTags.GIT_COMMIT), "the repository's commit, as MLflow tags it");
        assertEquals(dirty, tags.get(SystemTags.GIT_DIRTY));
        assertEquals(untracked, tags.get(SystemTags.GIT_UNTRACKED));
    }

    /** A notebook reached through a link tells its own repository's state, however the link is named or placed. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"file linked from outside any repository", "file linked from another repository",
            "folder linked"})
    void aNotebookReachedThroughALinkTellsItsRepository(String how) throws Exception {
        Path nb = Files.createDirectories(repo.resolve("notebooks")).resolve("nb.ipynb");
        Files.writeString(nb, "{}");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        if (how.contains("another")) {
            git(elsewhere, "init", "-q");
            git(elsewhere, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "--allow-empty", "-m", "other");
        }
        Path link = how.startsWith("folder")
                ? Files.createSymbolicLink(elsewhere.resolve("ln"), nb.getParent()).resolve("nb.ipynb")
                : Files.createSymbolicLink(elsewhere.resolve("mine.ipynb"), nb);

        Map<String, String> tags = GitInfo.of(link).orElseThrow(() -> new AssertionError("no git info")).tags();

        assertEquals(git("rev-parse", "HEAD").strip(), tags.get(SystemTags.GIT_COMMIT));
        assertEquals("false", tags.get(SystemTags.GIT_DIRTY), "the commit holds the file");
        assertEquals(null, tags.get(SystemTags.GIT_UNTRACKED));
    }

    private String git(String... args) throws Exception {
        return git(repo, args);
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
