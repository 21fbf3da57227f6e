package io.jruns.reproduce;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.source.FileDigest;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jruns.reproduce.ReproducerTest.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A run with no stored notebook copy whose repository or commit is gone: real git repositories, a real store. */
class CommittedNotebookTest {
    @TempDir
    Path dir;
    Store store;
    Path repo;
    Path notebook;
    String commit;

    @BeforeEach
    void repository() throws Exception {
        store = Stores.open(TrackingUri.resolve(dir.resolve("home").toString(), Map.of()));
        repo = Files.createDirectories(dir.resolve("am-repo")).toRealPath();
        notebook = Files.writeString(repo.resolve("train.ipynb"), ReproducerTest.NOTEBOOK);
        commit = commitAll("notebook");
    }

    @AfterEach
    void close() {
        store.close();
    }

    String commitAll(String message) throws Exception {
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", message);
        return git(repo, "rev-parse", "HEAD").strip();
    }

    /** A run of the notebook at {@code commit} that stored no copy of it. */
    Run run(RunTag... more) {
        String exp = store.getExperimentByName("nb").map(e -> e.experimentId()).orElseGet(() -> store.createExperiment("nb", null, Map.of()));
        List<RunTag> tags = new java.util.ArrayList<>(List.of(
                new RunTag(SystemTags.SOURCE_NAME, notebook.toString()), new RunTag(SystemTags.GIT_COMMIT, commit),
                new RunTag("jruns.notebook.revision", FileDigest.sha256(notebook))));
        tags.addAll(List.of(more));
        String id = store.createRun(exp, "me", System.currentTimeMillis(), "r", tags).runId();
        return TrackingClient.of(store).getRun(id);
    }

    @Test
    void aRunOfANotebookInNoCommitIsNotLookedForInItsCommit() throws Exception {
        // tagged in no commit: what HEAD holds at that path (committed later, or dropped from the index) is another
        Files.writeString(repo.resolve("train.ipynb"), ReproducerTest.NOTEBOOK.replace("42", "7"));
        Run run = run(new RunTag(SystemTags.GIT_UNTRACKED, "true"), new RunTag(SystemTags.GIT_DIRTY, "true"));
        assertEquals("run " + run.runId() + " has no stored notebook copy, and its notebook was in no commit when it ran"
                + " (never committed; " + commit.substring(0, 12) + " was the repository's HEAD): nothing to reproduce it from",
                failure(run));
    }

    String failure(Run run) {
        return assertThrows(JrunsException.class, () -> NotebookSource.of(TrackingClient.of(store), run)).getMessage();
    }

    void removeGitFolder() throws Exception {
        try (Stream<Path> s = Files.walk(repo.resolve(".git"))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFolderThatIsNoLongerARepositoryIsSaidSo() throws Exception {
        Run run = run();
        assertEquals("train.ipynb", NotebookSource.of(TrackingClient.of(store), run).fileName(), "found while the repository is there");
        removeGitFolder();
        assertEquals("run " + run.runId() + " has no stored notebook copy, and its notebook's folder " + repo
                + " is no longer a git repository: nothing to reproduce it from", failure(run));
    }

    @Test
    void aCommitNoLongerInTheRepositoryIsSaidSo() throws Exception {
        Run run = run();
        removeGitFolder();
        commitAll("history rewritten"); // the same files, but the run's commit is gone
        assertEquals("run " + run.runId() + " has no stored notebook copy, and its commit " + commit.substring(0, 12)
                + " is no longer in the repository at " + repo + ": nothing to reproduce it from", failure(run));
    }

    @Test
    void aCommitTagThatIsNoCommitIdIsRefusedBeforeGitSeesIt() {
        commit = "--output=" + dir.resolve("written");
        Run run = run();
        assertEquals("run " + run.runId() + "'s tag mlflow.source.git.commit is not a commit id (7 to 64 hex digits): '"
                + commit + "'; refused, no git command run", failure(run));
        assertEquals(false, Files.exists(dir.resolve("written")));
    }
}
