package io.jruns.internal.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The fixture of tests about one run: a fresh store in a temp folder with one run created. */
abstract class OneRunStore {
    @TempDir
    Path dir;
    EmbeddedStore store;
    String run;

    @BeforeEach
    void open() {
        store = EmbeddedStore.inHome(dir);
        run = store.createRun("0", "u", 1, "r", List.of()).runId();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
