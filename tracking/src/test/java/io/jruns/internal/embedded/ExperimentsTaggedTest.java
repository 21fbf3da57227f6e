package io.jruns.internal.embedded;

import io.jruns.domain.Experiment;
import io.jruns.domain.SystemTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** experimentsTagged on SQLite: the exact value of one key, active experiments only, oldest first. */
class ExperimentsTaggedTest {
    private static final String SOURCE = SystemTags.EXPERIMENT_SOURCE_NAME;
    @TempDir
    Path dir;
    EmbeddedStore store;

    @BeforeEach
    void open() throws Exception {
        store = EmbeddedStore.inHome(dir);
        store.createExperiment("a/tiny.ipynb", null, Map.of(SOURCE, "/w/a/tiny.ipynb"));
        store.createExperiment("tiny.ipynb", null, Map.of(SOURCE, "/w/a/tiny.ipynb"));
        store.createExperiment("other", null, Map.of(SOURCE, "/w/a/tiny.ipynb.bak", "team", "/w/a/tiny.ipynb"));
        store.createExperiment("wild", null, Map.of(SOURCE, "/w/100%_x.ipynb"));
        String gone = store.createExperiment("gone", null, Map.of(SOURCE, "/w/gone.ipynb"));
        // the store's API deletes no experiment; an import or an MLflow server can
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jruns.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE experiments SET lifecycle_stage = 'deleted' WHERE experiment_id = " + gone);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "/w/a/tiny.ipynb  | a/tiny.ipynb,tiny.ipynb",
            "/w/a/tiny        | ''",
            "/w/100%_x.ipynb  | wild",
            "/w/100%x.ipynb   | ''",
            "/w/gone.ipynb    | ''",
    })
    void findsTheExactValueOfTheKeyAmongActiveExperiments(String value, String names) {
        assertEquals(names, String.join(",", store.experimentsTagged(SOURCE, value).stream().map(Experiment::name).toList()));
    }
}
