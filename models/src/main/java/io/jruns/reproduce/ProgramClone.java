package io.jruns.reproduce;

import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;
import io.jruns.internal.git.GitCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A program run's repository cloned at the run's commit: from the repository the run saw
 * ({@code jruns.source.git.root}) while it still holds the commit, else from its remote
 * ({@code mlflow.source.git.repoURL}). When neither can give the commit, one line says what is missing.
 */
final class ProgramClone {
    /** A clone of a large repository takes minutes; a remote that never answers must not hang reproduce. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private ProgramClone() {
    }

    private record Git(int exit, String err) {
        boolean ok() {
            return exit == 0;
        }

        String firstError() {
            return err.lines().findFirst().orElse("exit " + exit);
        }
    }

    /** Clones into {@code folder} (absent or empty) and checks out {@code commit}; returns where it came from. */
    static String clone(String runId, String commit, String root, String repoUrl, Path folder) {
        return clone(runId, commit, root, repoUrl, folder, LIMIT);
    }

    /** As above, each git command stopped after {@code limit} (a test's remote that never answers). */
    static String clone(String runId, String commit, String root, String repoUrl, Path folder, Duration limit) {
        // checked again here, so that no caller can hand git an option as a commit or location
        RecordedGit.commit(runId, commit);
        RecordedGit.location(runId, SystemTags.GIT_ROOT, root);
        RecordedGit.location(runId, SystemTags.GIT_REPO_URL, repoUrl);
        String shortCommit = commit.substring(0, Math.min(12, commit.length()));
        String lead = "run " + runId + "'s program is in commit " + shortCommit + ", but ";
        String from;
        String localMissing = null;
        if (root != null && Files.isDirectory(Path.of(root))) {
            if (git(Path.of(root), limit, "cat-file", "-e", "--end-of-options", commit + "^{commit}").ok()) {
                from = root;
            } else {
                localMissing = "the repository at " + root + " no longer holds it (a rewritten history?)";
                from = repoUrl;
            }
        } else {
            localMissing = root == null ? "the run recorded no repository folder (jruns.source.git.root)"
                    : "its repository folder " + root + " is gone";
            from = repoUrl;
        }
        if (from == null) {
            throw JrunsException.notFound(lead + localMissing + ", and the run recorded no remote (mlflow.source.git.repoURL):"
                    + " nothing to clone its code from");
        }
        Path parent = folder.toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw JrunsException.invalid("cannot create " + parent + ": " + e.getMessage());
        }
        Git cloned = git(parent, limit, "clone", "-q", "--no-checkout", "--end-of-options", from, folder.toAbsolutePath().toString());
        if (!cloned.ok()) {
            throw JrunsException.notFound(lead + (localMissing == null ? "" : localMissing + ", and ") + "git cannot clone "
                    + from + " (" + cloned.firstError() + ")");
        }
        // a commit on no branch of the remote comes only when asked for by name
        if (!git(folder, limit, "cat-file", "-e", "--end-of-options", commit + "^{commit}").ok()) git(folder, limit, "fetch", "-q", "--end-of-options", "origin", commit);
        // checkout takes no --end-of-options in git 2.39 (it reads it as a path): the commit is a checked hex id
        Git checkout = git(folder, limit, "checkout", "-q", "--detach", commit);
        if (!checkout.ok()) {
            throw JrunsException.notFound(lead + (localMissing == null ? "" : localMissing + ", and ") + from
                    + " does not hold it either (" + checkout.firstError() + "); " + folder + " holds the clone without it");
        }
        return from;
    }

    private static Git git(Path dir, Duration limit, String... args) {
        try {
            GitCommand.Result r = GitCommand.run(dir, limit, args);
            if (r.timedOut()) {
                throw JrunsException.invalid("git " + RecordedPaths.clean(String.join(" ", args)) + " did not finish in "
                        + GitCommand.words(limit) + "; stopped");
            }
            return new Git(r.exit(), r.err());
        } catch (IOException e) {
            throw JrunsException.notFound("cannot run git (" + e.getMessage() + "): a program run is reproduced from its repository");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted while running git");
        }
    }
}
