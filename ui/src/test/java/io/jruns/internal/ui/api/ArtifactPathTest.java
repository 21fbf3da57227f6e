package io.jruns.internal.ui.api;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactPathTest {
    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "a/..", "./a", "a/./b", "/etc/passwd", "a//b", "a\\..\\b",
            "C:/x", "c:x", "a\u0000b", "a\nb"})
    void refusesWhatCouldLeaveTheRun(String path) {
        JrunsException e = assertThrows(JrunsException.class, () -> ArtifactPath.check(path));
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        assertTrue(e.getMessage().startsWith("Invalid artifact path '"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line, controls shown as '?': " + e.getMessage());
    }

    @Test
    void keepsPlainRelativePaths() {
        assertEquals("", ArtifactPath.check(null));
        assertEquals("", ArtifactPath.check(""));
        assertEquals("", ArtifactPath.check("/"));
        assertEquals("notes/hello.txt", ArtifactPath.check("notes/hello.txt"));
        assertEquals("notes", ArtifactPath.check("notes/"));
        assertEquals("a..b/..c", ArtifactPath.check("a..b/..c"), "dots inside a name are a name");
        assertEquals("model/MLmodel", ArtifactPath.check("model/MLmodel"));
    }
}
