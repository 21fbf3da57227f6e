package io.jruns.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.domain.JrunsException;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.TrackingClient;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reproducing notebook runs stored in a real embedded store; notebooks and jars are real files. */
class ReproducerTest {
    @TempDir
    Path dir;
    Store store;
    Path notebook;
    Path jar;
    final List<String> progress = new ArrayList<>();
    final Kernels kernels = new Kernels();

    static final String NOTEBOOK = """
            {"cells": [{"cell_type": "code", "execution_count": 3, "id": "a1", "metadata": {}, "outputs": [],
                        "source": ["Random rng = new Random(42);\\n", "Jruns.logMetric(\\"x\\", rng.nextDouble());"]}],
             "metadata": {"kernelspec": {"display_name": "Java (jruns)", "language": "java", "name": "jruns"}},
             "nbformat": 4, "nbformat_minor": 5}
            """;

    /** Installed kernelspecs, in memory: what the kernel module's JupyterKernelSpecs does on disk. */
    static final class Kernels implements KernelSpecs {
        final Map<String, KernelRef> installed = new LinkedHashMap<>();
        final List<List<String>> installs = new ArrayList<>();
        final List<String> near = new ArrayList<>();

        @Override
        public Optional<KernelRef> find(String name) {
            return Optional.ofNullable(installed.get(name));
        }

        @Override
        public KernelRef install(String name, String displayName, List<String> jvmOptions, String nearDir) {
            installs.add(jvmOptions);
            near.add(nearDir);
            KernelRef ref = new KernelRef(name, displayName, "/kernels/" + name);
            installed.put(name, ref);
            return ref;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        store = Stores.open(TrackingUri.resolve(dir.resolve("home").toString(), Map.of()));
        notebook = Files.writeString(Files.createDirectories(dir.resolve("work")).resolve("train.ipynb"), NOTEBOOK);
        jar = EnvironmentTest.jar(dir.resolve("helpers.jar"), Map.of("a.txt", "a"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    String notebookRun(String name, boolean copy, RunEnvironment env, Map<String, String> extraTags) throws Exception {
        String exp = store.getExperimentByName(notebook.toString()).map(e -> e.experimentId())
                .orElseGet(() -> store.createExperiment(notebook.toString(), null, Map.of()));
        List<RunTag> tags = new ArrayList<>(List.of(new RunTag(SystemTags.SOURCE_NAME, notebook.toString()),
                new RunTag(SystemTags.SOURCE_TYPE, "NOTEBOOK"), new RunTag("jruns.notebook.revision", FileDigest.sha256(notebook))));
        extraTags.forEach((k, v) -> tags.add(new RunTag(k, v)));
        String runId = store.createRun(exp, "me", System.currentTimeMillis(), name, tags).runId();
        if (copy) store.logArtifact(runId, notebook, "notebook");
        if (env != null) {
            Path f = Files.writeString(Files.createDirectories(dir.resolve("env-" + runId)).resolve(EnvironmentArtifact.FILE),
                    EnvironmentJson.write(env));
            store.logArtifact(runId, f, "");
        }
        return runId;
    }

    RunEnvironment env(List<String> jvmOptions, String kernelName) {
        return new RunEnvironment("2024-01-01T00:00:00Z", new RunEnvironment.Java("17.0.9", "V", "rt", "vm", "/jdk"),
                new RunEnvironment.Jvm(jvmOptions, 1L << 30), new RunEnvironment.Os("Linux", "6", "amd64"),
                new RunEnvironment.Machine(2, 1L << 34), new RunEnvironment.Kernel(kernelName, "0.1.0", "/old/kernels/" + kernelName),
                List.of(Library.maven("org.example:lib:1.0"), Library.maven("org.example:more:2.0"),
                        Library.jar(jar.toString(), FileDigest.sha256(jar), "%jars helpers.jar")));
    }

    Reproducer.Result reproduce(String runId, ReproduceOptions.Builder options) {
        return Reproducer.reproduce(TrackingClient.of(store), runId, options.progress(progress::add).build(), kernels);
    }

    static JsonNode json(Path p) throws Exception {
        return new ObjectMapper().readTree(Files.readString(p));
    }

    static String source(JsonNode cell) {
        StringBuilder b = new StringBuilder();
        cell.get("source").forEach(l -> b.append(l.asText()));
        return b.toString();
    }

    @Test
    void theStoredCopyIsClonedWithASetUpCellTheEnvironmentAndTheSameKernel() throws Exception {
        kernels.installed.put("jruns", new KernelSpecs.KernelRef("jruns", "Java (jruns)", "/k/jruns"));
        RunEnvironment env = env(List.of("-Xmx2g"), "jruns");
        String runId = notebookRun("seed 42", true, env, Map.of());
        Files.writeString(notebook, "{\"changed\": true}"); // the file moved on; the copy did not
        Path to = dir.resolve("clone");
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(to));

        assertEquals(to.resolve("train.ipynb").toAbsolutePath(), r.notebook());
        JsonNode nb = json(r.notebook());
        assertEquals(2, nb.get("cells").size());
        JsonNode setup = nb.get("cells").get(0);
        assertEquals("jruns-reproduce", setup.get("id").asText());
        assertEquals(runId, setup.get("metadata").get("jruns").get("reproduces").asText());
        List<String> lines = source(setup).lines().toList();
        assertTrue(lines.get(0).startsWith("// Set up as run \"seed 42\" (" + runId + ")"), lines.get(0));
        assertEquals(List.of("%maven org.example:lib:1.0 org.example:more:2.0", "%jars \"" + jar + "\"",
                "%experiment \"" + notebook + "\""), lines.subList(1, 4));
        JsonNode original = new ObjectMapper().readTree(NOTEBOOK);
        assertEquals(original.get("cells").get(0), nb.get("cells").get(1));
        assertEquals("jruns", nb.get("metadata").get("kernelspec").get("name").asText());
        assertEquals(env, EnvironmentJson.read(Files.readString(r.environmentFile()), "clone"));
        assertEquals(to.resolve("environment.json").toAbsolutePath(), r.environmentFile());
        assertTrue(progress.contains("kernel: jruns (still installed)"), progress.toString());
        assertTrue(progress.contains("libraries: 2 from Maven, 1 jar(s)"), progress.toString());
        assertEquals("ready: jruns execute " + r.notebook(), progress.get(progress.size() - 1));
        assertTrue(kernels.installs.isEmpty());

        JrunsException again = assertThrows(JrunsException.class, () -> reproduce(runId, ReproduceOptions.builder().to(to)));
        assertTrue(again.getMessage().endsWith("exists already: choose another folder with --to, or remove it"), again.getMessage());
    }

    @Test
    void aKernelThatIsGoneIsInstalledOnceWithTheRecordedJvmOptions() throws Exception {
        String runId = notebookRun("gone", true, env(List.of("-Xmx3g", "-XX:SharedArchiveFile=/k/a.jsa", "-Xlog:cds=off",
                "-Dfoo=bar"), "old-kernel"), Map.of());
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("one")));
        String name = "jruns-" + runId.substring(0, 8);
        assertEquals(name, r.kernelName());
        assertEquals(List.of(List.of("-Xmx3g", "-Dfoo=bar")), kernels.installs);
        assertEquals(List.of("/old/kernels/old-kernel"), kernels.near);
        assertEquals(name, json(r.notebook()).get("metadata").get("kernelspec").get("name").asText());
        Reproducer.Result twice = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("two")));
        assertEquals(name, twice.kernelName());
        assertEquals(1, kernels.installs.size(), "the second reproduction reuses the kernel the first installed");
    }

    @Test
    void optionsSkipTheLibrariesOrTheWholeEnvironment() throws Exception {
        String runId = notebookRun("opts", true, env(List.of(), "jruns"), Map.of());
        kernels.installed.put("jruns", new KernelSpecs.KernelRef("jruns", "Java (jruns)", "/k/jruns"));
        Reproducer.Result noLibs = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("nolibs")).libraries(false));
        List<String> lines = source(json(noLibs.notebook()).get("cells").get(0)).lines().toList();
        assertEquals("%experiment \"" + notebook + "\"", lines.get(1));
        assertEquals(2, lines.size());

        Reproducer.Result bare = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("bare")).environment(false));
        assertEquals(new ObjectMapper().readTree(NOTEBOOK), json(bare.notebook()), "only the notebook, as it was");
        assertEquals(null, bare.environmentFile());
        assertFalse(Files.exists(dir.resolve("bare/environment.json")));
    }

    @Test
    void withoutAStoredCopyGitShowsTheNotebookAtTheRecordedCommit() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        notebook = Files.writeString(Files.createDirectories(repo.resolve("nbs")).resolve("git.ipynb"), NOTEBOOK);
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        String commit = git(repo, "rev-parse", "HEAD").strip();
        String runId = notebookRun("from git", false, null, Map.of(SystemTags.GIT_COMMIT, commit));
        Files.writeString(notebook, NOTEBOOK.replace("42", "7")); // edited since the run
        // the default folder, as it is when jruns runs in a folder holding the notebook's
        Path folder = Reproducer.defaultFolder(TrackingClient.of(store).getRun(runId), dir);
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(folder));
        Path expected = repo.resolve("nbs/Reproduced/from_git-" + runId.substring(0, 8) + "/git.ipynb");
        assertEquals(expected.toAbsolutePath(), r.notebook());
        assertTrue(source(json(r.notebook()).get("cells").get(1)).contains("new Random(42)"), "the committed version");
        assertTrue(progress.contains("notebook: git show " + commit.substring(0, 12) + ":nbs/git.ipynb"), progress.toString());
        assertTrue(progress.contains("environment: none recorded with the run; the clone only sets the experiment"), progress.toString());
    }

    @Test
    void theCodeThatRanIsClonedAndSaidToDifferFromTheSavedRevision() throws Exception {
        String runId = notebookRun("unsaved", true, null, Map.of(SystemTags.NOTEBOOK_UNSAVED, "true"));
        Path ran = Files.writeString(Files.createDirectories(dir.resolve("ran")).resolve(notebook.getFileName().toString()),
                NOTEBOOK.replace("42", "7"));
        store.logArtifact(runId, ran, io.jruns.domain.NotebookArtifacts.RAN_DIR);
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("ran-clone")).environment(false));
        assertTrue(source(json(r.notebook()).get("cells").get(0)).contains("new Random(7)") || Files.readString(r.notebook()).contains("Random(7)"),
                "the code that ran, not the saved copy");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("notebook: the code that ran, stored with the run; it differs from"
                + " the saved notebook (revision " + FileDigest.sha256(notebook).substring(0, 12) + ")")), progress.toString());
    }

    @Test
    void unsavedCellsAreInNoCommit() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("unsaved"));
        git(repo, "init", "-q");
        notebook = Files.writeString(repo.resolve("train.ipynb"), NOTEBOOK);
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        String commit = git(repo, "rev-parse", "HEAD").strip();
        // the saved file is the commit's, but the run ran edited cells (and stored no copy)
        String runId = notebookRun("unsaved", false, null, Map.of(SystemTags.GIT_COMMIT, commit, SystemTags.NOTEBOOK_UNSAVED, "true"));
        JrunsException e = assertThrows(JrunsException.class, () -> reproduce(runId, ReproduceOptions.builder()));
        assertTrue(e.getMessage().contains("is not the notebook that made it (it ran cells edited and not saved)"), e.getMessage());
    }

    @Test
    void aRunExecutedWithParametersSaysToGiveThemAgain() throws Exception {
        String runId = notebookRun("with p", true, null, Map.of(SystemTags.EXECUTE_PARAMETERS, "-p alpha=0.9"));
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(dir.resolve("with-p")));
        assertEquals("ready: jruns execute " + r.notebook() + " -p alpha=0.9", progress.get(progress.size() - 1));
        assertTrue(progress.contains("parameters: the run was executed with -p alpha=0.9; the clone holds the notebook's own"
                + " values, so give them again"), progress.toString());
    }

    @Test
    void aParametersTagThatIsNotJrunsExecutesOptionsStaysOutOfThePastableCommand() throws Exception {
        Path marker = dir.resolve("PWNED5");
        String runId = notebookRun("evil p", true, null, Map.of(SystemTags.EXECUTE_PARAMETERS, "x; touch " + marker));
        Path to = dir.resolve("my clone");
        Reproducer.Result r = reproduce(runId, ReproduceOptions.builder().to(to));
        String ready = progress.get(progress.size() - 1);
        assertEquals("ready: jruns execute '" + r.notebook() + "'", ready);
        assertTrue(progress.contains("parameters: the run's tag jruns.execute.parameters is not -p options as jruns execute writes"
                + " them, so the command leaves it out: 'x; touch " + marker + "'; give the run's values again"), progress.toString());
        // pasted into a shell (no jruns on its PATH), it runs nothing of the tag's
        Process p = new ProcessBuilder("bash", "-c", ready.substring("ready: ".length())).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        assertFalse(Files.exists(marker), "the tag's command did not run");

        progress.clear();
        String quoted = notebookRun("quoted p", true, null, Map.of(SystemTags.EXECUTE_PARAMETERS,
                "-p 'label=a b; it'\\''s' -p alpha=0.9"));
        Reproducer.Result q = reproduce(quoted, ReproduceOptions.builder().to(dir.resolve("q")));
        assertEquals("ready: jruns execute " + q.notebook() + " -p 'label=a b; it'\\''s' -p alpha=0.9", progress.get(progress.size() - 1));
    }

    @Test
    void recordedValuesReachTheTerminalWithoutTheirEscapes() throws Exception {
        String runId = notebookRun("\u001b]0;title\u0007name", true, env(List.of("-Xmx1g", "-Dc=\u001b[31mred"), "k\u001b[2J"),
                Map.of(SystemTags.EXECUTE_PARAMETERS, "-p 'a=\u001b[31m'"));
        reproduce(runId, ReproduceOptions.builder().to(dir.resolve("esc")));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("kernel: k[2J is gone; installing")), progress.toString());
        assertTrue(progress.stream().noneMatch(l -> l.chars().anyMatch(Character::isISOControl)), "no escape printed: " + progress);

        String exp = store.createExperiment("escapes", null, Map.of());
        String noCopy = store.createRun(exp, "me", 1L, "x", List.of(new RunTag(SystemTags.SOURCE_NAME, "/gone\u001b[31m/nb.ipynb"),
                new RunTag(SystemTags.SOURCE_TYPE, "NOTEBOOK"))).runId();
        String refused = assertThrows(JrunsException.class, () -> reproduce(noCopy, ReproduceOptions.builder())).getMessage();
        assertTrue(refused.endsWith("(its source is /gone[31m/nb.ipynb)"), refused);
    }

    @Test
    void c1AndBidiControlsAreNotPrintedEither() throws Exception {
        // U+009B is a one-character CSI to many terminals; U+202E reverses what follows it
        String runId = notebookRun("a\u009b31mb\u202ec", true, env(List.of("-Xmx1g"), "k\u009b2J\u202e"),
                Map.of(SystemTags.EXECUTE_PARAMETERS, "-p 'a=\u202eb' x\u009b"));
        reproduce(runId, ReproduceOptions.builder().to(dir.resolve("c1")));
        assertTrue(progress.contains("reproducing run a31mbc (" + runId + ")"), progress.toString());
        assertTrue(progress.stream().noneMatch(l -> l.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT)), "no control printed: " + progress);
        assertEquals("'a?b?c'", RecordedGit.printable("a\u009bb\u202ec"));
    }

    @Test
    void withoutToTheCloneGoesBesideTheNotebookOnlyUnderTheWorkingFolder() throws Exception {
        String runId = notebookRun("where", true, null, Map.of());
        io.jruns.domain.Run run = TrackingClient.of(store).getRun(runId);
        String folder = "where-" + runId.substring(0, 8);
        assertEquals(notebook.getParent().resolve("Reproduced").resolve(folder), Reproducer.defaultFolder(run, dir));
        // the source name is a tag anyone can set: a folder elsewhere (say ~/.ssh) is not followed
        Path work = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(work.resolve("Reproduced").resolve(folder), Reproducer.defaultFolder(run, work));
    }

    @Test
    void aRunMadeFromUncommittedChangesIsNotReproducedFromItsCommit() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("dirty"));
        git(repo, "init", "-q");
        notebook = Files.writeString(repo.resolve("train.ipynb"), NOTEBOOK);
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "first");
        String commit = git(repo, "rev-parse", "HEAD").strip();
        Files.writeString(notebook, NOTEBOOK.replace("42", "7")); // the run is made from this, not committed
        String runId = notebookRun("dirty", false, null, Map.of(SystemTags.GIT_COMMIT, commit, SystemTags.GIT_DIRTY, "true"));
        JrunsException e = assertThrows(JrunsException.class, () -> reproduce(runId, ReproduceOptions.builder()));
        assertTrue(e.getMessage().startsWith("run " + runId + " stored no notebook copy, and git show " + commit.substring(0, 12)
                + ":train.ipynb is not the notebook that made it (it ran with changes not committed): its revision is "
                + FileDigest.sha256(notebook).substring(0, 12)), e.getMessage());
        assertTrue(e.getMessage().endsWith("; nothing reproduced"), e.getMessage());
        assertFalse(Files.exists(repo.resolve("Reproduced")), "nothing written");
    }

    @Test
    void aRunWithNothingToCloneFromAndAChangedJarAreReported() throws Exception {
        String bare = notebookRun("nothing", false, null, Map.of());
        JrunsException e = assertThrows(JrunsException.class, () -> reproduce(bare, ReproduceOptions.builder()));
        assertTrue(e.getMessage().startsWith("run " + bare + " has no stored notebook copy (notebook/*.ipynb) and no git commit"),
                e.getMessage());
        String runId = notebookRun("jar", true, env(List.of(), "jruns"), Map.of());
        Files.writeString(dir.resolve("x.txt"), "x");
        EnvironmentTest.jar(jar, Map.of("b.txt", "changed"));
        reproduce(runId, ReproduceOptions.builder().to(dir.resolve("j")));
        assertTrue(progress.contains("warning: jar " + jar + " changed since the run (SHA-256 differs)"), progress.toString());
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
