package io.jruns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.domain.Experiment;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.TrackingClient;
import io.jruns.reproduce.EnvironmentArtifact;
import io.jruns.reproduce.RunEnvironment;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end, with real Jupyter: the seeded training notebook logs a run on a kernel installed
 * with a JVM option; that kernel is removed; {@code jruns reproduce} clones the notebook and
 * installs a kernel like it; {@code jruns execute} runs the clone; the new run's metrics equal
 * the original's, step by step.
 */
class ReproduceIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    Path tmp;

    Cli cli(Path prefix, Path home) {
        Cli c = new Cli(home).libDir(ROOT.resolve("cli/target/lib"))
                .env("JUPYTER_PATH", prefix.resolve("share/jupyter").toString())
                .env("JUPYTER_DATA_DIR", tmp.resolve("jupyter-data").toString())
                .env("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        for (String v : Processes.PASSED_ON) {
            if (System.getenv(v) != null) c.env(v, System.getenv(v));
        }
        return c;
    }

    @Test
    void aReproducedSeededRunGivesTheSameMetrics() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Path home = tmp.resolve("home");
        Path kernels = prefix.resolve("share/jupyter/kernels");
        Cli.Result installed = cli(prefix, home).run("install", "--prefix", prefix.toString(), "--name", "jruns-orig",
                "--jvm-option", "-Djruns.it.seeded=yes", "--no-cds");
        assertEquals(0, installed.code(), installed.toString());

        Path work = Files.createDirectories(tmp.resolve("work"));
        Path notebook = Files.copy(ROOT.resolve("notebooks/train_seeded.ipynb"), work.resolve("train_seeded.ipynb"));
        Cli.Result first = cli(prefix, home).run("execute", notebook.toString(), "--kernel", "jruns-orig", "--quiet");
        assertEquals(0, first.code(), first.toString());

        Run original;
        try (Store store = cli(prefix, home).openStore()) {
            Experiment exp = store.getExperimentByName(notebook.toString()).orElseThrow();
            List<Run> runs = store.listRuns(List.of(exp.experimentId()), ViewType.ALL, 10);
            assertEquals(1, runs.size());
            original = runs.get(0);
            RunEnvironment env = EnvironmentArtifact.read(TrackingClient.of(store), original.runId()).orElseThrow();
            assertEquals("jruns-orig", env.kernel().name());
            assertTrue(env.jvm().options().contains("-Djruns.it.seeded=yes"), env.jvm().options().toString());
            assertEquals(25, store.getMetricHistory(original.runId(), "mse").size());
            assertFalse(store.listArtifacts(original.runId(), "model").isEmpty(), "the notebook logged its model");
        }

        // While the kernel is installed, the clone names it.
        Cli.Result same = cli(prefix, home).run("reproduce", original.runId(), "--to", tmp.resolve("same").toString());
        assertEquals(0, same.code(), same.toString());
        assertEquals("jruns-orig", kernelOf(tmp.resolve("same/train_seeded.ipynb")));
        assertTrue(same.err().contains("jruns: kernel: jruns-orig (still installed)"), same.err());

        // Gone: reproduce installs one like it, with the recorded JVM option.
        deleteTree(kernels.resolve("jruns-orig"));
        String runName = original.info().runName();
        Cli.Result r = cli(prefix, home).run("reproduce", runName, "--to", tmp.resolve("clone").toString(), "--no-cds");
        assertEquals(0, r.code(), r.toString());
        Path clone = tmp.resolve("clone/train_seeded.ipynb").toAbsolutePath();
        assertEquals(clone.toString(), r.out().strip());
        String kernel = "jruns-" + original.runId().substring(0, 8);
        assertEquals(kernel, kernelOf(clone));
        assertTrue(Files.readString(kernels.resolve(kernel).resolve("kernel.json")).contains("-Djruns.it.seeded=yes"));
        assertTrue(Files.exists(tmp.resolve("clone/environment.json")));
        for (String line : List.of("reproducing run " + runName, "notebook: the copy stored with the run",
                "kernel: jruns-orig is gone; installing " + kernel, "ready: jruns execute " + clone)) {
            assertTrue(r.err().contains("jruns: " + line), line + " in\n" + r.err());
        }

        Cli.Result again = cli(prefix, home).run("execute", clone.toString(), "--quiet"); // on the clone's own kernel
        assertEquals(0, again.code(), again.toString());

        try (Store store = cli(prefix, home).openStore()) {
            Experiment exp = store.getExperimentByName(notebook.toString()).orElseThrow();
            List<Run> runs = store.listRuns(List.of(exp.experimentId()), ViewType.ALL, 10);
            assertEquals(2, runs.size(), "the clone's first cell set the original's experiment");
            Run copy = runs.stream().filter(x -> !x.runId().equals(original.runId())).findFirst().orElseThrow();
            assertEquals(clone.toString(), copy.data().tags().get("mlflow.source.name"));
            assertEquals(kernel, copy.data().tags().get("jruns.kernel.spec"));
            assertEquals(original.data().params(), copy.data().params());
            assertEquals(original.data().metrics().keySet(), copy.data().metrics().keySet());
            for (String key : original.data().metrics().keySet()) {
                assertEquals(history(store, original.runId(), key), history(store, copy.runId(), key), key);
            }
            assertNotEquals(0.0, original.data().metrics().get("w1").latest());
        }
    }

    /** A metric's values by step: what must be the same (timestamps are not). */
    static List<String> history(Store store, String runId, String key) {
        return store.getMetricHistory(runId, key).stream().sorted(Comparator.comparingLong(Metric::step))
                .map(m -> m.step() + "=" + m.value()).toList();
    }

    static String kernelOf(Path notebook) throws Exception {
        JsonNode nb = new ObjectMapper().readTree(Files.readString(notebook));
        return nb.path("metadata").path("kernelspec").path("name").asText();
    }

    static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
