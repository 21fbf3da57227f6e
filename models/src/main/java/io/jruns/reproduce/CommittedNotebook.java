package io.jruns.reproduce;

import io.jruns.domain.JrunsException;
import io.jruns.internal.git.GitCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A run's notebook as committed: {@code git show <commit>:<path>} in the repository the notebook's
 * folder is in. When that is no longer possible, one line says what is missing (the folder, the
 * repository, the commit, the file in the commit) rather than git's own message.
 */
final class CommittedNotebook {
    /** Local commands only (no remote): half a minute is ample. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private CommittedNotebook() {
    }

    private record Git(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        String firstError() {
            return err.lines().findFirst().orElse("exit " + exit);
        }
    }

    static NotebookSource show(String runId, Path notebook, String commit) {
        RecordedGit.commit(runId, commit); // a tag anyone can set: never an option to git
        String lead = "run " + runId + " has no stored notebook copy, and ";
        String end = ": nothing to reproduce it from";
        String shortCommit = commit.substring(0, Math.min(12, commit.length()));
        Path dir = notebook.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw JrunsException.notFound(lead + "the folder of its notebook " + notebook + " is gone" + end);
        }
        Git top = git(dir, "rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw JrunsException.notFound(lead + (top.err().contains("not a git repository")
                    ? "its notebook's folder " + dir + " is no longer a git repository"
                    : "git cannot find the repository of " + dir + " (" + top.firstError() + ")") + end);
        }
        Path repo = Path.of(top.out().strip()).toAbsolutePath();
        if (!git(repo, "cat-file", "-e", "--end-of-options", commit + "^{commit}").ok()) {
            throw JrunsException.notFound(lead + "its commit " + shortCommit + " is no longer in the repository at " + repo + end);
        }
        String rel = repo.relativize(notebook.toAbsolutePath().normalize()).toString().replace('\\', '/');
        Git shown = git(repo, "show", "--end-of-options", commit + ":" + rel);
        if (!shown.ok()) {
            throw JrunsException.notFound(lead + "its commit " + shortCommit + " in the repository at " + repo
                    + " holds no " + rel + end);
        }
        return new NotebookSource(shown.out(), notebook.getFileName().toString(), "git show " + shortCommit + ":" + rel);
    }

    private static Git git(Path dir, String... args) {
        try {
            GitCommand.Result r = GitCommand.run(dir, LIMIT, args);
            if (r.timedOut()) {
                throw JrunsException.invalid("git " + RecordedPaths.clean(String.join(" ", args)) + " did not finish in "
                        + GitCommand.words(LIMIT) + "; stopped");
            }
            return new Git(r.exit(), r.out(), r.err());
        } catch (IOException e) {
            throw JrunsException.notFound("cannot run git (" + e.getMessage() + "): the run stored no notebook copy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted while running git");
        }
    }
}
