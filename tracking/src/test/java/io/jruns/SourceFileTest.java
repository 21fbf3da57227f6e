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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A notebook file reached through symbolic links and by its real path is one notebook: one experiment. */
class SourceFileTest {
    @TempDir
    Path store;
    @TempDir
    Path disk;
    Path real;

    @BeforeEach
    void notebook() throws Exception {
        Jruns.setTrackingUri(store.toString());
        real = Files.createDirectories(disk.resolve("real/nb")).toRealPath().resolve("train.ipynb");
        Files.writeString(real, "{}");
    }

    @AfterEach
    void reset() {
        Jruns.endAllRuns(RunStatus.FINISHED);
        Jruns.setRunContext(RunContext.installed());
    }

    /** The notebook as the kernel names it when no Jupyter root is known: experiment and source its path as given. */
    private static RunContext notebook(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        return new RunContext() {
            @Override
            public Map<String, String> tags() {
                return Map.of(SystemTags.SOURCE_NAME, p);
            }

            @Override
            public Optional<String> defaultExperimentName() {
                return Optional.of(p);
            }

            @Override
            public Optional<String> defaultExperimentSource() {
                return Optional.of(p);
            }
        };
    }

    /** The experiment a run goes to from a new kernel: nothing remembered but the store. */
    private Experiment runIn(Path path) {
        Jruns.setTrackingUri(store.toString());
        Jruns.setRunContext(notebook(path));
        String id = Jruns.startRun().experimentId();
        Jruns.endRun();
        return Jruns.client().getExperiment(id).orElseThrow();
    }

    /** The notebook's path through a link of this kind. */
    private Path linked(String kind) throws Exception {
        return switch (kind) {
            case "folder" -> Files.createSymbolicLink(disk.resolve("ln"), real.getParent()).resolve("train.ipynb");
            case "parent" -> Files.createSymbolicLink(disk.resolve("ln"), real.getParent().getParent()).resolve("nb/train.ipynb");
            default -> Files.createSymbolicLink(disk.resolve("mine.ipynb"), real);
        };
    }

    @ParameterizedTest(name = "[{index}] link to the {0}, {1} first")
    @CsvSource({"folder, link", "folder, real path", "parent, link", "parent, real path", "file, link", "file, real path"})
    void runsLandInOneExperimentWhicheverPathCameFirst(String kind, String first) throws Exception {
        Path link = linked(kind);
        Path a = first.equals("link") ? link : real;
        Path b = first.equals("link") ? real : link;

        Experiment e = runIn(a);
        assertEquals(a.toString(), e.name(), "named by the path the user opened");
        assertEquals(a.toString(), e.tags().get(SystemTags.EXPERIMENT_SOURCE_NAME));
        assertEquals(e.experimentId(), runIn(b).experimentId());
        assertEquals(e.experimentId(), runIn(a).experimentId());
        assertEquals(2, Jruns.client().listExperiments().size(), "Default and the notebook's");
        assertEquals(real.toString(), e.tags().get(SystemTags.EXPERIMENT_SOURCE_FILE));
    }

    /** A store from before files were tagged: its experiment is tagged with one path only. */
    @ParameterizedTest(name = "[{index}] tagged with the {0}, opened first by the {1}")
    @CsvSource({"link, real path", "link, link", "real path, link", "real path, real path"})
    void anExperimentTaggedWithOnePathBeforeIsFoundByEither(String tagged, String first) throws Exception {
        Path link = linked("folder");
        Path old = tagged.equals("link") ? link : real;
        String id = Jruns.client().createExperiment(old.toString());
        Jruns.client().store.setExperimentTag(id, SystemTags.EXPERIMENT_SOURCE_NAME, old.toString());

        Path a = first.equals("link") ? link : real;
        assertEquals(id, runIn(a).experimentId());
        assertEquals(id, runIn(a.equals(link) ? real : link).experimentId());
        assertEquals(real.toString(), Jruns.client().getExperiment(id).orElseThrow().tags()
                .get(SystemTags.EXPERIMENT_SOURCE_FILE), "bound to the file now");
        assertEquals(2, Jruns.client().listExperiments().size());
    }

    /** Two notebooks that the same link led to at different times are two notebooks while both are there. */
    @Test
    void aLinkNowLeadingToAnotherFileIsAnotherNotebook() throws Exception {
        Path other = Files.createDirectories(disk.resolve("other")).resolve("train.ipynb");
        Files.writeString(other, "{}");
        Path ln = Files.createSymbolicLink(disk.resolve("ln"), real.getParent());
        Experiment first = runIn(ln.resolve("train.ipynb"));

        Files.delete(ln);
        Files.createSymbolicLink(ln, other.getParent());
        Experiment second = runIn(ln.resolve("train.ipynb"));

        assertNotEquals(first.experimentId(), second.experimentId());
        assertEquals(other.toRealPath().toString(), second.name(), "the link's name is the first notebook's");
        assertEquals(second.experimentId(), runIn(ln.resolve("train.ipynb")).experimentId());
        assertEquals(second.experimentId(), runIn(other).experimentId());
        assertEquals(first.experimentId(), runIn(real).experimentId());
    }

    /** A link retargeted after its file went away (a release folder replaced) keeps the path's experiment, as before. */
    @Test
    void aLinkWhoseFirstFileIsGoneKeepsItsExperiment() throws Exception {
        Path other = Files.createDirectories(disk.resolve("other")).resolve("train.ipynb");
        Files.writeString(other, "{}");
        Path ln = Files.createSymbolicLink(disk.resolve("ln"), real.getParent());
        Experiment first = runIn(ln.resolve("train.ipynb"));

        Files.delete(real);
        Files.delete(ln);
        Files.createSymbolicLink(ln, other.getParent());

        assertEquals(first.experimentId(), runIn(ln.resolve("train.ipynb")).experimentId());
        assertEquals(real.toString(), Jruns.client().getExperiment(first.experimentId()).orElseThrow()
                .tags().get(SystemTags.EXPERIMENT_SOURCE_FILE), "the file it was made for: not rewritten per machine");
    }
}
