package io.jruns.kernel.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jruns.TrackingClient;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.kernel.install.KernelSpec;
import io.jruns.kernel.install.KernelSpecWriter;
import io.jruns.kernel.testing.Jupyter;
import io.jruns.kernel.testing.Notebooks;
import io.jruns.reproduce.ReproduceOptions;
import io.jruns.reproduce.Reproducer;
import io.jruns.store.Store;
import io.jruns.store.Stores;
import io.jruns.store.TrackingUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auditor's case through a real kernel: fit.ipynb is saved with lr=0.1, the person runs
 * the edited cell with lr=0.5 without saving. The run keeps the code that ran, says so once,
 * marks the cells that ran while it was open and the one that ended it, and is reproduced as it ran.
 */
class RanNotebookIT {
    @TempDir
    Path dir;

    @Test
    void aRunKeepsTheEditedCellsThatRanNotTheSavedFile() throws Exception {
        Path home = dir.resolve("home");
        Path notebook = Notebooks.write(dir.resolve("fit.ipynb"), List.of("%run start fit", "int x = 1;", "%param lr=0.1", "%run end"));
        String saved = Files.readString(notebook);
        Jupyter.Result r = session(home, notebook,
                "cell-1=%run start fit", "cell-2=int x = 1;", "cell-3=%param lr=0.5", "cell-4=%run end");
        assertTrue(r.output().contains("RAN-NOTEBOOK-OK"), r.output());
        assertEquals(List.of("STDERR cell-4 " + RanCells.UNSAVED_NOTE), r.output().lines().filter(l -> l.startsWith("STDERR")).toList(),
                "one note, in the cell that ended the run");

        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            String experiment = store.getExperimentByName(notebook.toAbsolutePath().normalize().toString()).orElseThrow().experimentId();
            Run run = store.listRuns(List.of(experiment), ViewType.ALL, 10).get(0);
            TrackingClient client = TrackingClient.of(store);
            Map<String, String> tags = run.data().tags();
            assertEquals(RunStatus.FINISHED, run.info().status());
            assertEquals("0.5", run.data().params().get("lr"));
            assertEquals("true", tags.get(SystemTags.NOTEBOOK_UNSAVED));
            assertEquals("cell-1", tags.get(SystemTags.NOTEBOOK_START_CELL_ID));
            assertEquals("cell-4", tags.get(SystemTags.NOTEBOOK_END_CELL_ID));
            assertEquals("cell-1,cell-2,cell-3,cell-4", tags.get(SystemTags.NOTEBOOK_CELL_IDS), "each cell that ran while the run was open");
            assertEquals(saved, Files.readString(client.downloadArtifact(run.runId(), "notebook/fit.ipynb")), "the saved copy is kept");
            JsonNode ran = new ObjectMapper().readTree(client.downloadArtifact(run.runId(), "notebook/ran/fit.ipynb").toFile());
            List<String> sources = new ArrayList<>();
            ran.path("cells").forEach(c -> sources.add(c.path("source").asText()));
            assertEquals(List.of("%run start fit", "int x = 1;", "%param lr=0.5", "%run end"), sources);
            assertNull(ran.path("cells").get(2).path("execution_count").numberValue());

            // jruns reproduce (its Reproducer) clones the code that ran, and says it is not the saved file
            List<String> progress = new ArrayList<>();
            Reproducer.Result clone = Reproducer.reproduce(client, run.runId(), ReproduceOptions.builder()
                    .to(dir.resolve("clone")).environment(false).progress(progress::add).build(), null);
            List<String> cloned = new ArrayList<>();
            new ObjectMapper().readTree(clone.notebook().toFile()).path("cells").forEach(c -> cloned.add(c.path("source").asText()));
            assertEquals(List.of("%run start fit", "int x = 1;", "%param lr=0.5", "%run end"), cloned);
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("notebook: the code that ran")
                    && l.contains("differs from the saved notebook")), progress.toString());
        }
    }

    @Test
    void setUpEditedBeforeTheRunAndACellRunTwiceAreSaid() throws Exception {
        Path home = dir.resolve("home2");
        Path notebook = Notebooks.write(dir.resolve("flow.ipynb"), List.of("double lr = 0.1;", "%run start flow", "int n = 1;",
                "n = n + 1;", "%metric final=$n", "%run end"));
        Jupyter.Result r = session(home, notebook, "cell-1=double lr = 0.5;", "cell-2=%run start flow", "cell-3=int n = 1;",
                "cell-4=n = n + 1;", "cell-4=n = n + 1;", "cell-5=%metric final=$n", "cell-6=%run end");
        assertEquals(List.of("STDERR cell-6 " + RanCells.ORDER_NOTE, "STDERR cell-6 " + RanCells.UNSAVED_NOTE),
                r.output().lines().filter(l -> l.startsWith("STDERR")).toList(),
                "the set-up cell edited before the run is unsaved code it ran with; cell-4 ran twice");
        try (Store store = Stores.open(TrackingUri.resolve(home.toString(), Map.of()))) {
            String experiment = store.getExperimentByName(notebook.toAbsolutePath().normalize().toString()).orElseThrow().experimentId();
            Run run = store.listRuns(List.of(experiment), ViewType.ALL, 10).get(0);
            assertEquals("true", run.data().tags().get(SystemTags.NOTEBOOK_UNSAVED));
            JsonNode ran = new ObjectMapper().readTree(TrackingClient.of(store).downloadArtifact(run.runId(), "notebook/ran/flow.ipynb").toFile());
            assertEquals("double lr = 0.5;", ran.path("cells").get(0).path("source").asText(), "the set-up as it ran");
        }
    }

    /** Runs {@code cells} ("ID=code") in a real kernel for {@code notebook}, logging to {@code home}; the session ended well. */
    private Jupyter.Result session(Path home, Path notebook, String... cells) throws Exception {
        Path prefix = home.resolveSibling(home.getFileName() + "-prefix");
        KernelSpecWriter.write(KernelSpec.builder().classDataSharing(false).env("JRUNS_HOME", home.toString()).build(),
                prefix.resolve("share/jupyter/kernels/jruns-ran"));
        List<String> command = new java.util.ArrayList<>(List.of(Jupyter.PYTHON.toString(),
                Path.of("src/test/python/unsaved_session.py").toAbsolutePath().toString(), "jruns-ran"));
        command.addAll(List.of(cells));
        ProcessBuilder pb = Jupyter.process(command, dir);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("JRUNS_NOTEBOOK", notebook.toString());
        Jupyter.Result r = Jupyter.run(pb, Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }
}
