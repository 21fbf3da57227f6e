package io.jruns.search;

import io.jruns.domain.JrunsException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.jruns.search.TestRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunFrameTest {

    @Test
    void columnsFollowMlflowsSearchRunsShape() {
        RunFrame f = RunFrame.of(List.of(
                run("a").start(1).end(2L).name("x").metric("loss", 0.5, 0.25).metric("acc", Double.NaN)
                        .param("lr", "0.1").tag("t", "v").build(),
                run("b").start(3).user(null).metric("zeta", 1).param("depth", "4").build()));
        assertEquals(List.of("run_id", "experiment_id", "run_name", "status", "start_time", "end_time", "artifact_uri",
                "metrics.acc", "metrics.loss", "metrics.zeta", "params.depth", "params.lr", "tags.t"), f.columns());
        assertEquals(Arrays.asList("a", "1", "x", "FINISHED", 1L, 2L, "file:///a/a", Double.NaN, 0.25, null, null, "0.1", "v"),
                f.rows().get(0));
        assertEquals(Arrays.asList(null, 1.0), f.column("metrics.zeta"));
        assertEquals(Arrays.asList(2L, null), f.column("end_time"));
        assertEquals("no column 'metrics.nope' in this result",
                assertThrows(JrunsException.class, () -> f.column("metrics.nope")).getMessage());
    }

    @Test
    void noRunsGiveTheInfoColumnsOnly() {
        RunFrame f = RunFrame.of(List.of());
        assertEquals(RunFrame.INFO_COLUMNS, f.columns());
        assertEquals(List.of(), f.rows());
    }
}
