package io.jruns.magics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotebookPathResolverTest {
    @TempDir
    Path root;
    Path folder;

    @BeforeEach
    void layout() throws Exception {
        folder = root.resolve("projects/churn");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("train.ipynb"), "{}");
        Files.writeString(root.resolve("top.ipynb"), "{}");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        // jupyter_server 1.x: relative to the server root, the kernel runs in the notebook's folder
        "projects/churn/train.ipynb, projects/churn/train.ipynb",
        // relative to the working directory
        "train.ipynb,                projects/churn/train.ipynb",
        // a notebook above the working directory, relative to the root
        "top.ipynb,                  top.ipynb",
        // not saved yet, but the folder matches the working directory
        "projects/churn/new.ipynb,   projects/churn/new.ipynb",
        // unknown: taken relative to the working directory
        "elsewhere/x.ipynb,          projects/churn/elsewhere/x.ipynb",
    })
    void resolvesRelativeSessionNames(String sessionName, String expected) {
        assertEquals(root.resolve(expected), NotebookPathResolver.resolve(sessionName, folder));
    }

    @Test
    void absolutePathIsKept() {
        assertEquals(Path.of("/srv/nb/a.ipynb"), NotebookPathResolver.resolve("/srv/nb/../nb/a.ipynb", folder));
    }

    @Test
    void blankIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> NotebookPathResolver.resolve(" ", folder));
    }

    @Test
    void identityPrefersJrunsNotebookThenSessionName() {
        NotebookIdentity both = NotebookIdentity.fromEnvironment(
                Map.of("JRUNS_NOTEBOOK", "/abs/run.ipynb", "JPY_SESSION_NAME", "train.ipynb"), folder);
        assertEquals(Path.of("/abs/run.ipynb"), both.path().orElseThrow());
        assertEquals(NotebookIdentity.Source.JRUNS_NOTEBOOK, both.source());

        NotebookIdentity session = NotebookIdentity.fromEnvironment(Map.of("JPY_SESSION_NAME", "train.ipynb"), folder);
        assertEquals(folder.resolve("train.ipynb"), session.path().orElseThrow());
        assertEquals(NotebookIdentity.Source.JPY_SESSION_NAME, session.source());

        NotebookIdentity none = NotebookIdentity.fromEnvironment(Map.of(), folder);
        assertEquals(NotebookIdentity.Source.NONE, none.source());
        assertEquals(true, none.path().isEmpty());
    }

    @Test
    void rereadingTakesTheEnvironmentsNotebookUnlessTheMagicSetOne() {
        NotebookIdentity id = NotebookIdentity.fromEnvironment(Map.of("JPY_SESSION_NAME", "a.ipynb"), folder);
        java.util.List<NotebookIdentity.Ref> seen = new java.util.ArrayList<>();
        id.addListener(seen::add);
        assertEquals(folder.resolve("b.ipynb"), id.reread(Map.of("JPY_SESSION_NAME", "b.ipynb"), folder).path());
        Path other = folder.resolve("other");
        assertEquals(other.resolve("c.ipynb"), id.reread(Map.of("JPY_SESSION_NAME", "c.ipynb"), other).path(),
                "a spare moved to another folder");
        assertEquals(other, id.workingDir());
        assertEquals(NotebookIdentity.Source.NONE, id.reread(Map.of(), folder).source());
        assertEquals(3, seen.size());
        id.set("mine.ipynb");
        assertEquals(folder.resolve("mine.ipynb"), id.reread(Map.of("JPY_SESSION_NAME", "b.ipynb"), folder).path(), "%notebook wins");
    }

    @Test
    void settingNotifiesListeners() {
        NotebookIdentity id = NotebookIdentity.fromEnvironment(Map.of(), folder);
        java.util.List<NotebookIdentity.Ref> seen = new java.util.ArrayList<>();
        id.addListener(seen::add);
        NotebookIdentity.Ref ref = id.set("train.ipynb");
        assertEquals(folder.resolve("train.ipynb"), ref.path());
        assertEquals(NotebookIdentity.Source.MAGIC, id.source());
        assertEquals(java.util.List.of(ref), seen);
        assertEquals("train.ipynb", ref.fileName().orElseThrow());
    }
}
