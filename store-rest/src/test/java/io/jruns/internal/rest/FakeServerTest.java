package io.jruns.internal.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test against a fresh fake MLflow server and REST stores pointed at it ({@link RestFixture}), closed after each. */
abstract class FakeServerTest {
    @TempDir
    Path home;
    RestFixture fx;

    @BeforeEach
    void openFixture() throws Exception {
        fx = new RestFixture(home); // before a subclass's own @BeforeEach, closed after its @AfterEach
    }

    @AfterEach
    void closeFixture() throws Exception {
        fx.close();
    }
}
