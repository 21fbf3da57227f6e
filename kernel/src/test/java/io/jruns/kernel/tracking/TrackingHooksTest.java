package io.jruns.kernel.tracking;

import io.jruns.domain.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How runs left open end when the kernel stops: by whether it ran a job and how the job ended. */
class TrackingHooksTest {
    @ParameterizedTest(name = "restart={0} lastCellFailed={1} source={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "false, false, -,        KILLED",
            "false, true,  -,        KILLED",
            "false, true,  NOTEBOOK, KILLED",
            "true,  true,  JOB,      KILLED",
            "false, true,  JOB,      FAILED",
            "false, true,  ' job ',  FAILED",
            "false, false, JOB,      FINISHED"})
    void statusAtShutdown(boolean restart, boolean lastCellFailed, String sourceType, RunStatus expected) {
        assertEquals(expected, TrackingHooks.statusAtShutdown(restart, lastCellFailed, sourceType));
    }
}
