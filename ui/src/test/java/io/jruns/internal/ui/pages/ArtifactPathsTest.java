package io.jruns.internal.ui.pages;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The UI's own check of artifact paths, before the store's (a server may hand over what Jetty let through). */
class ArtifactPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "a/./b", "/etc/passwd", "a//b", "a\\..\\x", "C:/x", "a/", "a\u0000b"})
    void pathsThatCouldLeaveTheRunAreRefused(String p) {
        assertThrows(JrunsException.class, () -> ArtifactPaths.check(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.csv", "notebook/train.ipynb", "odd <b> 'x'.txt", "a/b/c..d"})
    void relativePathsPass(String p) {
        assertEquals(p, ArtifactPaths.check(p));
    }
}
