package io.jruns.internal.manage;

import io.jruns.domain.JrunsException;
import io.jruns.internal.embedded.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Experiments by name or id; a notebook's by its relative or its absolute path. */
class ExperimentRefsTest {
    @TempDir
    Path dir;

    @Test
    void aNotebookExperimentIsFoundByEitherFormOfItsPath() {
        try (EmbeddedStore store = new EmbeddedStore(dir.resolve("jruns.db"), dir.resolve("artifacts"))) {
            String rel = store.createExperiment("notebooks/quickstart.ipynb", null, Map.of());
            String abs = store.createExperiment("/home/ana/old/train.ipynb", null, Map.of());
            assertEquals(rel, ExperimentRefs.resolve(store, "notebooks/quickstart.ipynb").experimentId());
            assertEquals(rel, ExperimentRefs.resolve(store, "/srv/repo/notebooks/quickstart.ipynb").experimentId());
            assertEquals(abs, ExperimentRefs.resolve(store, "old/train.ipynb").experimentId());
            assertEquals(abs, ExperimentRefs.resolve(store, abs).experimentId(), "by id");
            JrunsException none = assertThrows(JrunsException.class, () -> ExperimentRefs.resolve(store, "/srv/quickstart2.ipynb"));
            assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, none.code());
            store.createExperiment("repo/notebooks/quickstart.ipynb", null, Map.of());
            assertThrows(JrunsException.class, () -> ExperimentRefs.resolve(store, "/srv/repo/notebooks/quickstart.ipynb"),
                    "two experiments fit: nothing is guessed");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a/nb/x.ipynb | nb/x.ipynb | true", "nb/x.ipynb | /a/nb/x.ipynb | true", "/a/nb/x.ipynb | b/x.ipynb | false",
            "/a/nb/x.ipynb | x.ipynb | true", "/a/nbx.ipynb | x.ipynb | false", "nb/x.ipynb | nb/x.ipynb | false",
            "/a/x.ipynb | /b/a/x.ipynb | false", "/a/x.txt | x.txt | false"})
    void samePathOtherForm(String a, String b, boolean same) {
        assertEquals(same, ExperimentRefs.samePathOtherForm(a, b));
    }
}
