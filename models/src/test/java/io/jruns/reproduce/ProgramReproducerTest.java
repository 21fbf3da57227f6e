package io.jruns.reproduce;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.jruns.reproduce.ReproducerTest.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real single-file program ({@code java examples/Train.java}) run in a child JVM inside a real
 * git repository: its run names the file absolutely with the repository's state, and
 * {@code jruns reproduce} clones that commit and prints a command that makes the same run again.
 */
class ProgramReproducerTest {
    static final String PROGRAM = """
            import io.jruns.*;

            public class Train {
                public static void main(String[] args) {
                    Jruns.setExperiment("programs");
                    Jruns.run("seeded", run -> {
                        java.util.Random rng = new java.util.Random(7);
                        for (int step = 0; step < 3; step++) run.logMetric("x", rng.nextDouble(), step);
                        System.out.println("run " + run.runId());
                    });
                }
            }
            """;
    @TempDir
    Path dir;
    Path repo;
    Path origin;
    Path home;
    String head;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        home = dir.resolve("home");
        origin = Files.createDirectories(dir.resolve("origin.git")).toRealPath();
        git(origin, "init", "-q", "--bare");
        repo = Files.createDirectories(dir.resolve("repo")).toRealPath();
        Files.writeString(Files.createDirectories(repo.resolve("examples")).resolve("Train.java"), PROGRAM);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "program");
        git(repo, "remote", "add", "origin", origin.toUri().toString());
        git(repo, "push", "-q", "origin", "HEAD");
        head = git(repo, "rev-parse", "HEAD").strip();
    }

    @Test
    void aProgramRunRecordsItsRepositoryAndReproducesFromACloneOfItsCommit() throws Exception {
        String runId = runProgram(repo, List.of("java", "-cp", System.getProperty("java.class.path"), "examples/Train.java"));
        Map<String, String> tags;
        try (Store store = store()) {
            tags = store.getRun(runId).orElseThrow().data().tags();
        }
        assertEquals(repo.resolve("examples/Train.java").toString(), tags.get(SystemTags.SOURCE_NAME), "absolute");
        assertEquals("LOCAL", tags.get(SystemTags.SOURCE_TYPE));
        assertEquals(head, tags.get(SystemTags.GIT_COMMIT));
        assertEquals(origin.toUri().toString(), tags.get(SystemTags.GIT_REPO_URL));
        assertEquals(repo.toString(), tags.get(SystemTags.GIT_ROOT));
        assertEquals("false", tags.get(SystemTags.GIT_DIRTY));

        Path clone = dir.resolve("clone");
        Reproducer.Result r = reproduce(runId, clone);
        assertEquals(clone, r.notebook());
        assertEquals(PROGRAM, Files.readString(clone.resolve("examples/Train.java")));
        assertEquals(head, git(clone, "rev-parse", "HEAD").strip());
        String ready = progress.stream().filter(l -> l.startsWith("ready: ")).findFirst().orElseThrow(() -> new AssertionError(progress));
        assertTrue(ready.startsWith("ready: cd " + clone + " && java -cp "), ready);
        assertTrue(ready.endsWith(" " + clone.resolve("examples/Train.java")), "the clone's file runs: " + ready);

        // the printed command, as a user would paste it, makes the same run again from the clone
        String again = runProgram(dir, List.of("bash", "-c", ready.substring("ready: ".length())));
        try (Store store = store()) {
            TrackingClient client = TrackingClient.of(store);
            assertEquals(values(client.getMetricHistory(runId, "x")), values(client.getMetricHistory(again, "x")));
            Map<String, String> againTags = store.getRun(again).orElseThrow().data().tags();
            assertEquals(clone.resolve("examples/Train.java").toString(), againTags.get(SystemTags.SOURCE_NAME));
            assertEquals(head, againTags.get(SystemTags.GIT_COMMIT), "the clone is at the run's commit");
        }
    }

    @Test
    void aProgramStartedThroughALinkIntoTheRepositoryIsReproducedFromTheClonesFile() throws Exception {
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("Train.java"), repo.resolve("examples/Train.java"));
        String runId = runProgram(links, List.of("java", "-cp", System.getProperty("java.class.path"), link.toString()));
        Path clone = dir.resolve("clone");
        reproduce(runId, clone);
        String ready = progress.stream().filter(l -> l.startsWith("ready: ")).findFirst().orElseThrow(() -> new AssertionError(progress));
        assertTrue(ready.endsWith(" " + clone.resolve("examples/Train.java")), "the clone's file, not the live one: " + ready);
    }

    @Test
    void aProgramRunThatStoredANotebookIsReproducedAsThatNotebook() throws Exception {
        String runId = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, repo.toString()));
        Path nb = Files.writeString(Files.createDirectories(dir.resolve("nb")).resolve("train.ipynb"), ReproducerTest.NOTEBOOK);
        try (Store store = store()) {
            store.logArtifact(runId, nb, NotebookSource.ARTIFACT_DIR);
        }
        Path to = dir.resolve("clone");
        assertEquals(to.resolve("train.ipynb"), reproduce(runId, to).notebook());
        assertFalse(Files.exists(to.resolve("examples")), "not the program's repository");
    }

    @Test
    void aRepositoryThatIsGoneIsClonedFromTheRecordedRemote() throws Exception {
        String runId = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, dir.resolve("moved").toString(),
                SystemTags.GIT_REPO_URL, origin.toUri().toString(), SystemTags.GIT_DIRTY, "true"));
        Path clone = dir.resolve("clone");
        reproduce(runId, clone);
        assertEquals(PROGRAM, Files.readString(clone.resolve("examples/Train.java")));
        assertTrue(progress.contains("code: commit " + head.substring(0, 12) + " of " + origin.toUri() + ", cloned into " + clone),
                progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("warning: the run's working tree had changes not committed")),
                progress.toString());
    }

    @Test
    void aRefusalSaysWhatIsMissing() throws Exception {
        String source = repo.resolve("examples/Train.java").toString();
        String noGit = programRun(Map.of());
        assertEquals("run " + noGit + " came from the Java program " + source + " and recorded no git commit"
                + " (mlflow.source.git.commit): its code was in no git repository when it ran, or jruns-models was not on its"
                + " class path (older jruns did not record a program's commit): nothing to reproduce it from",
                assertThrows(JrunsException.class, () -> reproduce(noGit, dir.resolve("a"))).getMessage());

        String untracked = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_UNTRACKED, "true"));
        assertEquals("run " + untracked + "'s program " + source + " was in no commit when it ran (never committed; "
                        + head.substring(0, 12) + " was the repository's HEAD): nothing to reproduce it from",
                assertThrows(JrunsException.class, () -> reproduce(untracked, dir.resolve("b"))).getMessage());

        String gone = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, dir.resolve("moved").toString()));
        assertEquals("run " + gone + "'s program is in commit " + head.substring(0, 12) + ", but its repository folder "
                        + dir.resolve("moved") + " is gone, and the run recorded no remote (mlflow.source.git.repoURL):"
                        + " nothing to clone its code from",
                assertThrows(JrunsException.class, () -> reproduce(gone, dir.resolve("c"))).getMessage());
    }

    @Test
    void aCommitOrRepositoryTagThatGitWouldTakeForAnOptionIsRefusedBeforeAnyGitRuns() throws Exception {
        // a tag anyone can set on a shared server: given to git fetch, --upload-pack runs its command
        Path marker = dir.resolve("pwned");
        Path someRepo = Files.createDirectories(dir.resolve("some repo"));
        git(someRepo, "clone", "-q", origin.toString(), ".");
        String evil = "--upload-pack=touch " + marker + ";";
        String run = programRun(Map.of(SystemTags.GIT_COMMIT, evil, SystemTags.GIT_REPO_URL, someRepo.toString()));
        String refused = assertThrows(JrunsException.class, () -> reproduce(run, dir.resolve("x"))).getMessage();
        assertFalse(Files.exists(marker), "no command of the tag ran");
        assertEquals("run " + run + "'s tag mlflow.source.git.commit is not a commit id (7 to 64 hex digits): '" + evil
                + "'; refused, no git command run", refused);
        assertFalse(Files.exists(dir.resolve("x")), "nothing cloned");

        String url = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_REPO_URL, "--upload-pack=touch " + marker));
        assertEquals("run " + url + "'s tag mlflow.source.git.repoURL starts with '-', as an option would: '--upload-pack=touch "
                + marker + "'; refused, no git command run",
                assertThrows(JrunsException.class, () -> reproduce(url, dir.resolve("y"))).getMessage());
        String root = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, "-x\u001b[31m"));
        assertEquals("run " + root + "'s tag jruns.source.git.root starts with '-', as an option would: '-x?[31m'; refused,"
                + " no git command run", assertThrows(JrunsException.class, () -> reproduce(root, dir.resolve("z"))).getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aRemoteThatNeverAnswersIsStoppedAtTheTimeLimitWithItsHelpers() throws Exception {
        // a server that takes the connection (the kernel's backlog does) and never answers: git waits for ever
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/repo.git";
            Path to = dir.resolve("h");
            String stopped = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(JrunsException.class,
                    () -> ProgramClone.clone("r1", head, null, url, to, Duration.ofSeconds(2))).getMessage());
            assertEquals("git clone -q --no-checkout --end-of-options " + url + " " + to.toAbsolutePath()
                    + " did not finish in 2 s; stopped", stopped);
            assertEquals(List.of(), ProcessHandle.current().descendants().filter(h -> h.info().command().orElse("").contains("git"))
                    .map(h -> h.info().commandLine().orElse("?")).toList(), "no git process left");
        }
    }

    @Test
    void aRemoteOfAnUnusualTransportIsRefusedByGitNotLeftWaiting() throws Exception {
        // fd::3 makes git remote-fd wait for ever on a descriptor it was never given; ext:: would run a command
        String fd = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, "/nonexistent",
                SystemTags.GIT_REPO_URL, "fd::3"));
        String refused = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(JrunsException.class, () -> reproduce(fd, dir.resolve("fd"))).getMessage());
        assertTrue(refused.endsWith("git cannot clone fd::3 (fatal: transport 'fd' not allowed)"), refused);
        Path marker = dir.resolve("ext-ran");
        String ext = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_REPO_URL, "ext::touch " + marker));
        refused = assertThrows(JrunsException.class, () -> reproduce(ext, dir.resolve("ext"))).getMessage();
        assertTrue(refused.endsWith("(fatal: transport 'ext' not allowed)"), refused);
        assertFalse(Files.exists(marker));
    }

    @Test
    void theCommandPointsPathsInsideTheRepositoryIntoTheCloneAndKeepsTheUsersJvmOptions() {
        Path clone = Path.of("/work/clone");
        RunEnvironment env = new RunEnvironment("2024-01-01T00:00:00Z", new RunEnvironment.Java("17", "V", "rt", "vm", "/jdk"),
                new RunEnvironment.Jvm(List.of("-Xmx2g", "--add-modules=ALL-DEFAULT", "-Dtoken=<redacted>"), 1L << 30,
                        List.of("/home/me/repo/lib/helper.jar", "/home/me/repo/target/classes", "/opt/jruns/lib/jruns.jar")),
                new RunEnvironment.Os("Linux", "6", "amd64"), new RunEnvironment.Machine(2, null), null, List.of());
        String cp = "/work/clone/lib/helper.jar:/work/clone/target/classes:/opt/jruns/lib/jruns.jar";
        assertEquals(List.of("java", "-Xmx2g", "-cp", cp, "/work/clone/examples/Train.java"), ProgramReproducer.command(
                "/home/me/repo/examples/Train.java", "/home/me/repo", clone, java.util.Optional.of(env)));
        assertEquals(List.of("java", "-Xmx2g", "--add-modules=ALL-DEFAULT", "-cp", cp, "com.acme.Train"),
                ProgramReproducer.command("com.acme.Train", "/home/me/repo", clone, java.util.Optional.of(env)));
        assertEquals(List.of("java", "-jar", "/work/clone/target/app.jar"),
                ProgramReproducer.command("/home/me/repo/target/app.jar", "/home/me/repo", clone, java.util.Optional.empty()));
        assertEquals("'/my work/x'\\''s'", ProgramReproducer.quote("/my work/x's"));
    }

    @Test
    void aBuildOutputTheCommitLacksIsTheClonesToBuildThereNotTheRunsOwn() throws Exception {
        Path root = Files.createDirectories(dir.resolve("r"));
        Path clone = Files.createDirectories(dir.resolve("c"));
        Path built = Files.writeString(Files.createDirectories(root.resolve("target/lib")).resolve("dep.jar"), "zip");
        Files.writeString(Files.createDirectories(clone.resolve("lib")).resolve("committed.jar"), "zip");
        String committed = root.resolve("lib/committed.jar").toString();
        String gone = root.resolve("target/classes").toString();
        // the run's own build output holds today's code, not the commit's
        assertEquals(clone.resolve("target/lib/dep.jar").toString(), ProgramReproducer.classPathEntry(built.toString(), root.toString(), clone));
        assertEquals(clone.resolve("lib/committed.jar").toString(), ProgramReproducer.classPathEntry(committed, root.toString(), clone));
        assertEquals(clone.resolve("target/classes").toString(), ProgramReproducer.classPathEntry(gone, root.toString(), clone));
        assertEquals(List.of(clone.resolve("target/lib/dep.jar").toString(), clone.resolve("target/classes").toString()),
                ProgramReproducer.notInClone(List.of(built.toString(), committed, gone, "/opt/x.jar"), root.toString(), clone));
    }

    @Test
    void aClassFolderOfTheRunsBuildIsToBeBuiltInTheCloneNotTakenFromToday() throws Exception {
        // git-ignored build output, there when the run ran and still there, but holding whatever was built since
        Path classes = Files.createDirectories(repo.resolve("target/classes"));
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        String cp = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;
        String runId = runProgram(repo, List.of("java", "-cp", cp, "examples/Train.java"));
        Path clone = dir.resolve("clone");
        reproduce(runId, clone);
        Path cloneClasses = clone.resolve("target/classes");
        assertTrue(progress.contains("class path: 1 of its entries in the repository are in no commit (build output): build "
                + cloneClasses + " in the clone first; the command uses the clone's"), progress.toString());
        String command = progress.stream().filter(l -> l.startsWith("once built: ")).findFirst()
                .orElseThrow(() -> new AssertionError("not ready before the build: " + progress));
        assertTrue(command.contains(java.io.File.pathSeparator + cloneClasses + " "), command);
        assertFalse(command.contains(classes.toString()), "not the run's own build output: " + command);
        assertTrue(progress.stream().noneMatch(l -> l.startsWith("ready: ")), progress.toString());
    }

    @Test
    void aRecordedClassPathEntryThatIsNoPathIsRefusedInOneLineBeforeCloning() throws Exception {
        String nul = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, repo.toString()));
        logEnvironment(nul, List.of("-Xmx1g"), List.of(repo.resolve("lib").toString() + "\u0000x.jar"));
        String refused = assertThrows(JrunsException.class, () -> reproduce(nul, dir.resolve("a"))).getMessage();
        assertEquals("run " + nul + "'s recorded class path entry '" + repo.resolve("lib") + "?x.jar' is not a path here"
                + " (Nul character not allowed): nothing cloned", refused);
        assertFalse(Files.exists(dir.resolve("a")), "no clone left behind");
    }

    @Test
    void recordedJvmOptionsThatRunCodeAreLeftOutAndNamedAndEscapesAreNotPrinted() throws Exception {
        String agent = programRun(Map.of(SystemTags.GIT_COMMIT, head, SystemTags.GIT_ROOT, repo.toString()));
        logEnvironment(agent, List.of("-Xmx1g", "-XX:OnOutOfMemoryError=touch /tmp/x", "-javaagent:/tmp/a.jar", "-agentpath:/a.so",
                "-agentlib:hprof", "-XX:OnError=sh", "-Dcolour=\u001b[31mred"), List.of(repo.resolve("examples").toString()));
        reproduce(agent, dir.resolve("b"));
        assertTrue(progress.contains("warning: left out of the command, as they could run code or write files:"
                + " '-XX:OnOutOfMemoryError=touch /tmp/x' -javaagent:/tmp/a.jar -agentpath:/a.so -agentlib:hprof -XX:OnError=sh;"
                + " add them back only if you trust them"), progress.toString());
        String ready = progress.stream().filter(l -> l.startsWith("ready: ")).findFirst().orElseThrow(() -> new AssertionError(progress));
        assertTrue(ready.contains(" java -Xmx1g '-Dcolour=[31mred' -cp " + dir.resolve("b/examples") + " "), ready);
        assertTrue(progress.stream().noneMatch(l -> l.chars().anyMatch(Character::isISOControl)), "no escape printed: " + progress);
    }

    void logEnvironment(String runId, List<String> options, List<String> classPath) throws Exception {
        RunEnvironment env = new RunEnvironment("2024-01-01T00:00:00Z", new RunEnvironment.Java("17", "V", "rt", "vm", "/jdk"),
                new RunEnvironment.Jvm(options, 1L << 30, classPath), new RunEnvironment.Os("Linux", "6", "amd64"),
                new RunEnvironment.Machine(2, null), null, List.of());
        Path file = Files.writeString(Files.createDirectories(dir.resolve("env-" + runId)).resolve(EnvironmentArtifact.FILE),
                EnvironmentJson.write(env));
        try (Store store = store()) {
            store.logArtifact(runId, file, "");
        }
    }

    /** A program run made directly in the store, with these git tags besides its source. */
    String programRun(Map<String, String> git) {
        try (Store store = store()) {
            String exp = store.getExperimentByName("programs").map(e -> e.experimentId())
                    .orElseGet(() -> store.createExperiment("programs", null, Map.of()));
            List<RunTag> tags = new ArrayList<>(List.of(new RunTag(SystemTags.SOURCE_NAME, repo.resolve("examples/Train.java").toString()),
                    new RunTag(SystemTags.SOURCE_TYPE, "LOCAL"), new RunTag(SystemTags.JAVA_VERSION, "17")));
            git.forEach((k, v) -> tags.add(new RunTag(k, v)));
            return store.createRun(exp, "me", System.currentTimeMillis(), "seeded", tags).runId();
        }
    }

    Reproducer.Result reproduce(String runId, Path to) {
        try (Store store = store()) {
            return Reproducer.reproduce(TrackingClient.of(store), runId,
                    ReproduceOptions.builder().to(to).progress(progress::add).build(), null);
        }
    }

    Store store() {
        return Stores.open(TrackingUri.resolve(home.toString(), Map.of()));
    }

    String runProgram(Path workDir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("JRUNS_TRACKING_URI", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the program ends");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow(() -> new AssertionError(out)).substring(4);
    }

    static List<String> values(List<Metric> history) {
        return history.stream().sorted(Comparator.comparingLong(Metric::step)).map(m -> m.step() + "=" + m.value()).toList();
    }
}
