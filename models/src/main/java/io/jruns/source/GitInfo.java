package io.jruns.source;

import io.jruns.domain.SystemTags;
import io.jruns.internal.git.GitCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The git state of a source file: commit, branch, remote URL, whether the tree is dirty and
 * whether the commit holds the file at all, read with the {@code git} command. Absent when the
 * file is not in a repository or git is not installed. The remote URL is shown without credentials.
 *
 * @param root      the repository's top folder, as this machine saw it: what a file's path is
 *                  relative to in the commit
 * @param dirty     tracked files have uncommitted changes, or the file itself is in no commit
 * @param untracked the commit does not hold the file (never committed: untracked, ignored or
 *                  only staged); the commit is still the repository's, as MLflow tags it
 */
public record GitInfo(String commit, String branch, String repoUrl, String root, boolean dirty, boolean untracked) {

    /** The state of the file a path names: a symbolic link is followed, so any way of reaching the file tells the same. */
    public static Optional<GitInfo> of(Path path) {
        Path file = real(path);
        Path dir = file.getParent();
        if (dir == null || file.getFileName() == null) return Optional.empty();
        return read(dir, file.getFileName().toString());
    }

    /**
     * The repository a folder is in (a program's class folder or jar folder), when no one file
     * is the code: dirty when tracked files have changes; never untracked.
     */
    public static Optional<GitInfo> ofFolder(Path folder) {
        return read(folder.toAbsolutePath(), null);
    }

    private static Optional<GitInfo> read(Path dir, String fileName) {
        // one process for commit, top folder and branch: a run start waits on these
        Optional<String> head = git(dir, "rev-parse", "HEAD", "--show-toplevel", "--abbrev-ref", "HEAD");
        List<String> lines = head.map(s -> s.lines().toList()).orElse(List.of());
        if (lines.size() < 3) return Optional.empty();
        String url = git(dir, "config", "--get", "remote.origin.url").map(GitInfo::withoutCredentials).orElse("");
        // status leaves untracked files out (a tree always has some); the file itself is asked about apart
        boolean untracked = fileName != null && git(dir, "cat-file", "-e", "HEAD:./" + fileName).isEmpty();
        boolean dirty = untracked
                || git(dir, "status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty()).orElse(false);
        return Optional.of(new GitInfo(lines.get(0), lines.get(2), url, lines.get(1), dirty, untracked));
    }

    /**
     * MLflow's git tags, plus {@code jruns.source.git.root}, {@code jruns.source.git.dirty}, and
     * {@code jruns.source.git.untracked} when true.
     */
    public Map<String, String> tags() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(SystemTags.GIT_COMMIT, commit);
        if (!branch.isEmpty()) t.put(SystemTags.GIT_BRANCH, branch);
        if (!repoUrl.isEmpty()) t.put(SystemTags.GIT_REPO_URL, repoUrl);
        if (!root.isEmpty()) t.put(SystemTags.GIT_ROOT, root);
        t.put(SystemTags.GIT_DIRTY, String.valueOf(dirty));
        if (untracked) t.put(SystemTags.GIT_UNTRACKED, "true");
        return t;
    }

    /**
     * The file itself: a link to it from outside its repository would ask another repository, or
     * none, and under its own name, which the commit does not hold.
     */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath(); // not there (yet): asked as named
        }
    }

    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/]*@", "$1");
    }

    private static Optional<String> git(Path dir, String... args) {
        try {
            // a run's start waits on these: a git that hangs (a hook, a lock) gives no tags, not a stuck run
            GitCommand.Result r = GitCommand.run(dir, Duration.ofSeconds(10), args);
            return r.ok() ? Optional.of(r.out().trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
