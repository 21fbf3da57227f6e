package io.jruns.cli;

import io.jruns.domain.RunTag;
import io.jruns.reproduce.EnvironmentJson;
import io.jruns.reproduce.JvmEnvironment;
import io.jruns.reproduce.Library;
import io.jruns.reproduce.RunEnvironment;
import io.jruns.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jruns reproduce}: showing a run's environment, cloning without Jupyter, and errors. */
class ReproduceCommandTest {
    @TempDir
    Path home;
    Cli cli;
    String withEnv;
    String bare;
    Path notebook;

    @BeforeEach
    void seed() throws Exception {
        cli = new Cli(home);
        notebook = Files.writeString(home.resolve("nb.ipynb"), "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        try (Store store = cli.openStore()) {
            String exp = store.createExperiment("reproducible", null, Map.of());
            withEnv = store.createRun(exp, "me", 1L, "with env", List.of(new RunTag("mlflow.source.name", notebook.toString()))).runId();
            RunEnvironment captured = JvmEnvironment.capture(new RunEnvironment.Kernel("jruns", "0.1.0", null),
                    List.of(Library.maven("org.example:lib:1.0")));
            Path env = Files.writeString(Files.createDirectories(home.resolve("env")).resolve("environment.json"),
                    EnvironmentJson.write(captured));
            store.logArtifact(withEnv, env, "");
            store.logArtifact(withEnv, notebook, "notebook");
            bare = store.createRun(exp, "me", 2L, "bare", List.of()).runId();
        }
    }

    @Test
    void showsTheRecordedSpecAndLibraries() {
        Cli.Result spec = cli.run("reproduce", withEnv, "--show-spec");
        assertEquals(0, spec.code(), spec.toString());
        assertTrue(spec.out().lines().anyMatch(l -> l.matches("Java +" + System.getProperty("java.version") + " .*")), spec.out());
        assertTrue(spec.out().lines().anyMatch(l -> l.matches("Kernel +jruns 0\\.1\\.0, kernelspec jruns")), spec.out());
        Cli.Result libs = cli.run("reproduce", "with env", "--show-libraries");
        assertEquals(List.of("KIND   LIBRARY              SHA-256  ADDED BY", "maven  org.example:lib:1.0"), libs.lines());
    }

    @Test
    void clonesOnlyTheNotebookWithoutJupyter() throws Exception {
        Path to = home.resolve("clone");
        Cli.Result r = cli.run("reproduce", withEnv.substring(0, 8), "--to", to.toString(), "--no-environment");
        assertEquals(0, r.code(), r.toString());
        assertEquals(to.resolve("nb.ipynb").toAbsolutePath().toString(), r.out().strip());
        assertEquals(Files.readString(notebook).replaceAll("\\s", ""), Files.readString(to.resolve("nb.ipynb")).replaceAll("\\s", ""));
        assertFalse(Files.exists(to.resolve("environment.json")));
    }

    @Test
    void aProgramRunClonesItsRepositoryAndPrintsTheCommand() throws Exception {
        Path repo = Files.createDirectories(home.resolve("repo")).toRealPath();
        Path program = Files.writeString(repo.resolve("Train.java"), "class Train { }");
        for (List<String> args : List.of(List.of("init", "-q"), List.of("add", "."),
                List.of("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "train"))) {
            List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
            cmd.addAll(args);
            assertEquals(0, new ProcessBuilder(cmd).inheritIO().start().waitFor(), cmd.toString());
        }
        Process head = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "HEAD").start();
        String commit = new String(head.getInputStream().readAllBytes()).strip();
        String runId;
        try (Store store = cli.openStore()) {
            String exp = store.getExperimentByName("reproducible").orElseThrow().experimentId();
            runId = store.createRun(exp, "me", 3L, "program", List.of(new RunTag("mlflow.source.name", program.toString()),
                    new RunTag("mlflow.source.type", "LOCAL"), new RunTag("java.version", "17"),
                    new RunTag("mlflow.source.git.commit", commit), new RunTag("jruns.source.git.root", repo.toString()))).runId();
        }
        Path to = home.resolve("clone");
        Cli.Result r = cli.run("reproduce", runId, "--to", to.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(to.toAbsolutePath().toString(), r.out().strip());
        assertEquals("class Train { }", Files.readString(to.resolve("Train.java")));
        assertTrue(r.err().lines().anyMatch(l -> l.equals("jruns: ready: cd " + to.toAbsolutePath() + " && java "
                + to.toAbsolutePath().resolve("Train.java"))), r.err());
    }

    @Test
    void aRunWithNothingRecordedIsAOneLineError() {
        Cli.Result spec = cli.run("reproduce", bare, "--show-spec");
        assertEquals(1, spec.code(), spec.toString());
        assertEquals("jruns: reproduce: run " + bare + " has no recorded environment (environment.json)", spec.error());
        Cli.Result clone = cli.run("reproduce", bare);
        assertEquals(1, clone.code(), clone.toString());
        assertTrue(clone.err().lines().toList().get(clone.err().lines().toList().size() - 1)
                .startsWith("jruns: run " + bare + " has no stored notebook copy"), clone.err());
        Cli.Result unknown = cli.run("reproduce", "nope");
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.error().startsWith("jruns: no active run 'nope'"), unknown.error());
    }
}
