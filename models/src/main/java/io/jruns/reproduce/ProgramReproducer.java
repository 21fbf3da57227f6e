package io.jruns.reproduce;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reproduces a plain Java program's run: clones its repository at the run's commit into a
 * folder and says the command that runs the program again there, with the run's JVM options
 * and class path (entries inside the repository pointing into the clone).
 */
final class ProgramReproducer {
    private ProgramReproducer() {
    }

    /** A run a jruns program made (not a notebook, not another client's script): LOCAL, with a Java version. */
    static boolean isProgram(Run run) {
        Map<String, String> tags = run.data().tags();
        String source = tags.get(SystemTags.SOURCE_NAME);
        return "LOCAL".equals(tags.get(SystemTags.SOURCE_TYPE)) && tags.containsKey(SystemTags.JAVA_VERSION)
                && (source == null || !source.endsWith(".ipynb"));
    }

    static Reproducer.Result reproduce(TrackingClient reader, Run run, ReproduceOptions options) {
        try {
            return reproduce(reader, run, options, line -> options.progress().accept(RecordedPaths.clean(line)));
        } catch (JrunsException e) {
            // recorded values in it (a source, a folder) could carry terminal escapes
            throw new JrunsException(e.code(), RecordedPaths.clean(e.getMessage()), e);
        }
    }

    private static Reproducer.Result reproduce(TrackingClient reader, Run run, ReproduceOptions options,
                                               Consumer<String> progress) {
        Map<String, String> tags = run.data().tags();
        String runId = run.runId();
        String source = tags.getOrDefault(SystemTags.SOURCE_NAME, "");
        String commit = RecordedGit.commit(runId, tags.get(SystemTags.GIT_COMMIT));
        if (commit == null) {
            throw JrunsException.notFound("run " + runId + " came from the Java program " + source + " and recorded no git"
                    + " commit (mlflow.source.git.commit): its code was in no git repository when it ran, or jruns-models was"
                    + " not on its class path (older jruns did not record a program's commit): nothing to reproduce it from");
        }
        String shortCommit = commit.substring(0, Math.min(12, commit.length()));
        if ("true".equalsIgnoreCase(tags.get(SystemTags.GIT_UNTRACKED))) {
            throw JrunsException.notFound("run " + runId + "'s program " + source + " was in no commit when it ran (never"
                    + " committed; " + shortCommit + " was the repository's HEAD): nothing to reproduce it from");
        }
        progress.accept("reproducing run " + run.info().runName() + " (" + runId + "), a run of the Java program " + source);
        Path folder = (options.to() != null ? options.to() : Reproducer.defaultFolder(run)).toAbsolutePath().normalize();
        if (isNonEmptyFolder(folder) || Files.isRegularFile(folder)) {
            throw JrunsException.invalid(folder + " exists already: choose another folder with --to, or remove it");
        }
        String root = RecordedGit.location(runId, SystemTags.GIT_ROOT, tags.get(SystemTags.GIT_ROOT));
        String repoUrl = RecordedGit.location(runId, SystemTags.GIT_REPO_URL, tags.get(SystemTags.GIT_REPO_URL));
        Optional<RunEnvironment> env = options.environment() ? EnvironmentArtifact.read(reader, runId) : Optional.empty();
        RecordedPaths.check(runId, "source (" + SystemTags.SOURCE_NAME + ")", source);
        RecordedPaths.check(runId, "repository folder (" + SystemTags.GIT_ROOT + ")", root);
        RecordedPaths.check(runId, "recorded class path entry", env.map(e -> e.jvm().classPath()).orElse(List.of()));
        String from = ProgramClone.clone(runId, commit, root, repoUrl, folder);
        progress.accept("code: commit " + shortCommit + " of " + from + ", cloned into " + folder);
        if ("true".equalsIgnoreCase(tags.get(SystemTags.GIT_DIRTY))) {
            progress.accept("warning: the run's working tree had changes not committed (jruns.source.git.dirty): the clone"
                    + " is commit " + shortCommit + ", not exactly the code that ran");
        }
        if (!options.environment()) progress.accept("environment: skipped (--no-environment): no JVM options, no class path");
        else if (env.isEmpty()) progress.accept("environment: none recorded with the run: give the program's class path");
        env.ifPresent(e -> progress.accept("java: the run ran on Java " + e.java().version() + " (" + e.java().vendor() + ")"));
        List<String> runningCode = env.map(e -> ReusableJvmOptions.runningCode(e.jvm().options())).orElse(List.of());
        if (!runningCode.isEmpty()) {
            progress.accept("warning: left out of the command, as they could run code or write files: " + String.join(" ",
                    runningCode.stream().map(ProgramReproducer::quote).toList()) + "; add them back only if you trust them");
        }
        String command = "cd " + quote(folder.toString()) + " && " + String.join(" ",
                command(source, root, folder, env).stream().map(ProgramReproducer::quote).toList());
        List<String> toBuild = notInClone(env.map(e -> e.jvm().classPath()).orElse(List.of()), root, folder);
        if (!toBuild.isEmpty()) {
            progress.accept("class path: " + toBuild.size() + " of its entries in the repository are in no commit (build"
                    + " output): build " + String.join(", ", toBuild.stream().limit(3).toList())
                    + (toBuild.size() > 3 ? ", ..." : "") + " in the clone first; the command uses the clone's");
        }
        progress.accept("arguments: a program's arguments are not recorded; add the run's to the command");
        progress.accept((toBuild.isEmpty() ? "ready: " : "once built: ") + command);
        return new Reproducer.Result(folder, null, null);
    }

    /** {@code java [options] [-cp ...] Program}, the program named as the clone holds it. */
    static List<String> command(String source, String root, Path clone, Optional<RunEnvironment> env) {
        List<String> cmd = new ArrayList<>(List.of("java"));
        boolean sourceFile = source.endsWith(".java");
        boolean jar = source.endsWith(".jar");
        env.ifPresent(e -> ReusableJvmOptions.of(e.jvm().options()).stream()
                // the source launcher adds this itself
                .filter(o -> !(sourceFile && o.equals("--add-modules=ALL-DEFAULT"))).forEach(cmd::add));
        List<String> classPath = env.map(e -> e.jvm().classPath()).orElse(List.of());
        if (!jar && !classPath.isEmpty()) {
            cmd.add("-cp");
            cmd.add(String.join(java.io.File.pathSeparator, classPath.stream().map(c -> classPathEntry(c, root, clone)).toList()));
        }
        if (jar) cmd.add("-jar");
        cmd.add(sourceFile || jar ? inClone(source, root, clone) : source);
        return cmd;
    }

    /**
     * A class path entry inside the run's repository, always the clone's: a build output the commit
     * lacks too (built there first), since the run's own one holds today's code, not the commit's.
     */
    static String classPathEntry(String entry, String root, Path clone) {
        return inClone(entry, root, clone);
    }

    /** The entries inside the repository that the clone lacks, as the clone's: build outputs, to build there. */
    static List<String> notInClone(List<String> classPath, String root, Path clone) {
        return classPath.stream().filter(c -> !inClone(c, root, clone).equals(c)).map(c -> inClone(c, root, clone))
                .filter(c -> !Files.exists(Path.of(c))).toList();
    }

    /**
     * A path inside the run's repository, as the same path in the clone; any other path as it is.
     * A link from outside into the repository (a program started through a symlink: the run names
     * the link, git the file it points to) is the file's path in the clone, not the live file.
     */
    static String inClone(String path, String root, Path clone) {
        if (root == null || path.isEmpty()) return path;
        Path p = Path.of(path).normalize();
        Path r = Path.of(root).normalize();
        if (!p.startsWith(r)) p = realPath(p);
        if (!p.startsWith(r)) return path;
        return clone.resolve(r.relativize(p)).toString();
    }

    private static Path realPath(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }

    private static boolean isNonEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** Quoted for a POSIX shell when it needs it, so the printed command can be pasted. */
    static String quote(String recorded) {
        String s = RecordedPaths.clean(recorded); // a recorded ESC must not reach the terminal
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=@%+,-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
