package io.jruns.kernel.tracking;

import io.jruns.domain.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How runs left open end when the kernel stops: by whether it ran a job and how the job ended. */
class TrackingHooksTest {
    @ParameterizedTest(name = "restart={0} lastCell={1} source={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "false, RAN,         -,        KILLED",
            "false, FAILED,      -,        KILLED",
            "false, FAILED,      NOTEBOOK, KILLED",
            "true,  FAILED,      JOB,      KILLED",
            "false, FAILED,      JOB,      FAILED",
            "false, FAILED,      ' job ',  FAILED",
            "false, INTERRUPTED, JOB,      KILLED",
            "false, RAN,         JOB,      FINISHED"})
    void statusAtShutdown(boolean restart, TrackingHooks.CellEnd lastCell, String sourceType, RunStatus expected) {
        assertEquals(expected, TrackingHooks.statusAtShutdown(restart, lastCell, sourceType));
    }
}
