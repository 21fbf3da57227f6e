package io.jruns;

import io.jruns.domain.Experiment;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two notebooks whose default experiments have one name do not share it: the second gets its own. */
class DefaultExperimentsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void store() {
        Jruns.setTrackingUri(dir.toString());
    }

    @AfterEach
    void reset() {
        Jruns.endAllRuns(RunStatus.FINISHED);
        Jruns.setRunContext(RunContext.installed());
    }

    private static RunContext notebook(String name, String path) {
        return new RunContext() {
            @Override
            public Map<String, String> tags() {
                return Map.of(SystemTags.SOURCE_NAME, path);
            }

            @Override
            public Optional<String> defaultExperimentName() {
                return Optional.of(name);
            }

            @Override
            public Optional<String> defaultExperimentSource() {
                return Optional.of(path);
            }
        };
    }

    /** The experiment a run of this notebook goes to. */
    private static Experiment runIn(RunContext nb) {
        Jruns.setRunContext(nb);
        String id = Jruns.startRun().experimentId();
        Jruns.endRun();
        return Jruns.client().getExperiment(id).orElseThrow();
    }

    @Test
    void aSecondNotebookOfTheSameNameGetsAnExperimentOfItsOwn() {
        Experiment a = runIn(notebook("train.ipynb", "/a/train.ipynb"));
        assertEquals("train.ipynb", a.name());
        assertEquals("/a/train.ipynb", a.tags().get(SystemTags.EXPERIMENT_SOURCE_NAME));

        Experiment b = runIn(notebook("train.ipynb", "/b/train.ipynb"));
        assertEquals("/b/train.ipynb", b.name());
        assertEquals("/b/train.ipynb", b.tags().get(SystemTags.EXPERIMENT_SOURCE_NAME));

        assertEquals(a.experimentId(), runIn(notebook("train.ipynb", "/a/train.ipynb")).experimentId());
        // the same notebook named from another folder (server root) keeps the experiment it has
        assertEquals(a.experimentId(), runIn(notebook("train.ipynb", "/a/train.ipynb")).experimentId());
    }

    /** Names as Jupyter or jruns execute started in three folders give them; the notebook is one. */
    @ParameterizedTest(name = "[{index}] first named {0}")
    @CsvSource({"aud/tiny.ipynb", "tiny.ipynb", "/w/aud/tiny.ipynb"})
    void aNotebookKeepsItsExperimentWhateverFolderNamesIt(String first) {
        Experiment e = runIn(notebook(first, "/w/aud/tiny.ipynb"));
        assertEquals(first, e.name());
        for (String name : List.of("aud/tiny.ipynb", "tiny.ipynb", "/w/aud/tiny.ipynb")) {
            Jruns.setTrackingUri(dir.toString()); // a new kernel: nothing remembered but the store
            assertEquals(e.experimentId(), runIn(notebook(name, "/w/aud/tiny.ipynb")).experimentId(), name);
        }
        assertEquals(2, Jruns.client().listExperiments().size(), "Default and the notebook's");
    }

    @Test
    void ofSeveralExperimentsANotebookOwnsTheOneOfItsNameIsKept() {
        // a store from before: one experiment per folder the notebook ran from
        String a = Jruns.client().createExperiment("aud/tiny.ipynb");
        String b = Jruns.client().createExperiment("tiny.ipynb");
        Jruns.client().store.setExperimentTag(a, SystemTags.EXPERIMENT_SOURCE_NAME, "/w/aud/tiny.ipynb");
        Jruns.client().store.setExperimentTag(b, SystemTags.EXPERIMENT_SOURCE_NAME, "/w/aud/tiny.ipynb");
        assertEquals(b, runIn(notebook("tiny.ipynb", "/w/aud/tiny.ipynb")).experimentId());
        assertEquals(a, runIn(notebook("aud/tiny.ipynb", "/w/aud/tiny.ipynb")).experimentId());
        assertEquals(a, runIn(notebook("/w/aud/tiny.ipynb", "/w/aud/tiny.ipynb")).experimentId(), "else the oldest");
    }

    @Test
    void aMovedNotebookGetsTheExperimentOfItsNameAsBefore() {
        Experiment old = runIn(notebook("tiny.ipynb", "/w/aud/tiny.ipynb"));
        Experiment moved = runIn(notebook("new/tiny.ipynb", "/w/new/tiny.ipynb"));
        assertEquals("new/tiny.ipynb", moved.name());
        assertEquals(moved.experimentId(), runIn(notebook("tiny.ipynb", "/w/new/tiny.ipynb")).experimentId(),
                "from its new folder it keeps its new experiment, not the old path's of that name");
        assertEquals(old.experimentId(), runIn(notebook("tiny.ipynb", "/w/aud/tiny.ipynb")).experimentId());
    }

    @Test
    void anExperimentWithoutAnOwnerIsClaimedByTheFirstNotebookToUseIt() {
        String old = Jruns.client().createExperiment("old.ipynb");
        Experiment e = runIn(notebook("old.ipynb", "/x/old.ipynb"));
        assertEquals(old, e.experimentId());
        assertEquals("/x/old.ipynb", e.tags().get(SystemTags.EXPERIMENT_SOURCE_NAME));
        assertEquals("/y/old.ipynb", runIn(notebook("old.ipynb", "/y/old.ipynb")).name());
    }
}
