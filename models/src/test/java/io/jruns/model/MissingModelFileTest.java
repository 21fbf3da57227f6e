package io.jruns.model;

import io.jruns.ActiveRun;
import io.jruns.Jruns;
import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A logged model whose data file was deleted from the run's artifacts afterwards (a real embedded store). */
class MissingModelFileTest {
    @TempDir
    Path home;

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.KILLED);
    }

    @Test
    void aMissingFileIsNamedInTheModelNotInATemporaryCopy() throws Exception {
        Jruns.setTrackingUri(home.resolve("store").toString());
        Jruns.setExperiment("missing");
        LoggedModel logged;
        try (ActiveRun run = Jruns.startRun("r")) {
            logged = Models.log(run, ModelsTest.LINEAR, "row", ModelsTest.houses());
        }
        Path artifacts = Path.of(URI.create(Jruns.client().getRun(logged.runId()).info().artifactUri()));
        Files.delete(artifacts.resolve("row/model.ser"));
        JrunsException e = assertThrows(JrunsException.class, () -> Models.load(logged.uri()));
        assertEquals("cannot load runs:/" + logged.runId() + "/row: its file model.ser is missing from the run's artifacts",
                e.getMessage());
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());

        Path folder = home.resolve("local-model");
        Models.save(ModelsTest.LINEAR, folder, ModelsTest.houses());
        Files.delete(folder.resolve("model.ser"));
        assertEquals("cannot load " + folder + ": its file model.ser is missing from " + folder,
                assertThrows(JrunsException.class, () -> Models.load(folder.toString())).getMessage());
    }
}
