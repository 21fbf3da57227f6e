package io.jruns.magics.notebook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A notebook's experiment is named by its path from the Jupyter root when the server says it. */
class NotebookRunContextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/srv/work/notebooks/quickstart.ipynb | notebooks/quickstart.ipynb | notebooks/quickstart.ipynb",
            "/srv/work/notebooks/quickstart.ipynb | quickstart.ipynb          | quickstart.ipynb",
            "/srv/work/notebooks/a b.ipynb        | notebooks/./a b.ipynb     | notebooks/a b.ipynb",
            "/srv/work/notebooks/quickstart.ipynb | -                         | /srv/work/notebooks/quickstart.ipynb",
            "/srv/work/notebooks/quickstart.ipynb | /srv/work/notebooks/quickstart.ipynb | /srv/work/notebooks/quickstart.ipynb",
            "/srv/work/notebooks/quickstart.ipynb | other/quickstart.ipynb    | /srv/work/notebooks/quickstart.ipynb",
            "/srv/work/notebooks/quickstart.ipynb | ../quickstart.ipynb       | /srv/work/notebooks/quickstart.ipynb"})
    void namedFromTheServerRootWhenKnown(String path, String session, String expected) {
        assertEquals(expected, NotebookRunContext.experimentNameFor(Path.of(path), session));
    }
}
