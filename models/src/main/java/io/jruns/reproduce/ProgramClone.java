package io.jruns.reproduce;

import io.jruns.domain.JrunsException;
import io.jruns.domain.SystemTags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run's repository cloned at the run's commit: from the repository the run saw
 * ({@code jruns.source.git.root}) while it still holds the commit, else from its remote
 * ({@code mlflow.source.git.repoURL}). When neither can give the commit, one line says what is missing.
 */
final class ProgramClone {
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
        // checked again here, so that no caller can hand git an option as a commit or location
        RecordedGit.commit(runId, commit);
        RecordedGit.location(runId, SystemTags.GIT_ROOT, root);
        RecordedGit.location(runId, SystemTags.GIT_REPO_URL, repoUrl);
        String shortCommit = commit.substring(0, Math.min(12, commit.length()));
        String lead = "run " + runId + "'s program is in commit " + shortCommit + ", but ";
        String from;
        String localMissing = null;
        if (root != null && Files.isDirectory(Path.of(root))) {
            if (git(Path.of(root), "cat-file", "-e", "--end-of-options", commit + "^{commit}").ok()) {
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
        Git cloned = git(parent, "clone", "-q", "--no-checkout", "--end-of-options", from, folder.toAbsolutePath().toString());
        if (!cloned.ok()) {
            throw JrunsException.notFound(lead + (localMissing == null ? "" : localMissing + ", and ") + "git cannot clone "
                    + from + " (" + cloned.firstError() + ")");
        }
        // a commit on no branch of the remote comes only when asked for by name
        if (!git(folder, "cat-file", "-e", "--end-of-options", commit + "^{commit}").ok()) git(folder, "fetch", "-q", "--end-of-options", "origin", commit);
        // checkout takes no --end-of-options in git 2.39 (it reads it as a path): the commit is a checked hex id
        Git checkout = git(folder, "checkout", "-q", "--detach", commit);
        if (!checkout.ok()) {
            throw JrunsException.notFound(lead + (localMissing == null ? "" : localMissing + ", and ") + from
                    + " does not hold it either (" + checkout.firstError() + "); " + folder + " holds the clone without it");
        }
        return from;
    }

    private static Git git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("GIT_TERMINAL_PROMPT", "0"); // a remote wanting a password fails instead of waiting
            Process p = pb.start();
            String err;
            try (InputStream e = p.getErrorStream()) {
                err = new String(e.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw JrunsException.invalid("git " + String.join(" ", args) + " did not finish in 10 minutes");
            }
            return new Git(p.exitValue(), err);
        } catch (IOException e) {
            throw JrunsException.notFound("cannot run git (" + e.getMessage() + "): a program run is reproduced from its repository");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JrunsException.invalid("interrupted while running git");
        }
    }
}
