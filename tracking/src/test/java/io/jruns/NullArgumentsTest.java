package io.jruns;

import io.jruns.domain.JrunsException;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A null where the API needs a value is a one-line error saying what was missing, and starts no run. */
class NullArgumentsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void store() {
        Jruns.setTrackingUri(dir.toString());
        Jruns.setExperiment("nulls");
    }

    @AfterEach
    void end() {
        Jruns.endAllRuns(RunStatus.FINISHED);
    }

    static Stream<Arguments> calls() {
        Map<String, Double> withNull = new LinkedHashMap<>();
        withNull.put("first", 1.0);
        withNull.put("loss", null);
        return Stream.of(
                Arguments.of("logParams", (Executable) () -> Jruns.logParams(null), "a map of params is required, got null"),
                Arguments.of("logMetrics", (Executable) () -> Jruns.logMetrics(null, 0), "a map of metrics is required, got null"),
                Arguments.of("logMetrics value", (Executable) () -> Jruns.logMetrics(withNull, 0),
                        "a value for metric 'loss' is required, got null"),
                Arguments.of("setTags", (Executable) () -> Jruns.setTags(null), "a map of tags is required, got null"),
                Arguments.of("logArtifact", (Executable) () -> Jruns.logArtifact(null), "a file to log as an artifact is required, got null"),
                Arguments.of("logArtifacts", (Executable) () -> Jruns.logArtifacts(null), "a folder to log as artifacts is required, got null"),
                Arguments.of("getRun", (Executable) () -> Jruns.client().getRun(null), "a run id is required, got null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aNullIsNamedAndStartsNoRun(String call, Executable code, String message) {
        JrunsException e = assertThrows(JrunsException.class, code);
        assertEquals(message, e.getMessage());
        assertTrue(Jruns.activeRun().isEmpty(), call + " started a run");
    }

    @Test
    void aNullValueInAnActiveRunsMetricsLogsNoneOfTheMap() {
        ActiveRun run = Jruns.startRun();
        Map<String, Double> m = new HashMap<>(Map.of("a", 1.0, "b", 2.0));
        m.put("c", null);
        assertThrows(JrunsException.class, () -> run.logMetrics(m, 0));
        assertTrue(run.info().data().metrics().isEmpty(), run.info().data().metrics().toString());
    }
}
