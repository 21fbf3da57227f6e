package io.jruns.internal.views;

import io.jruns.domain.Run;
import io.jruns.views.Runs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunTreeTest {
    static Run child(String name, Run parent) {
        return Runs.run(name, Map.of(), Map.of(), Map.of("mlflow.parentRunId", parent.runId()));
    }

    @Test
    void childrenFollowTheirParentInTheGivenOrderAtAnyDepth() {
        Run a = Runs.run("a", Map.of(), Map.of(), Map.of());
        Run b = Runs.run("b", Map.of(), Map.of(), Map.of());
        Run a1 = child("a1", a);
        Run a2 = child("a2", a);
        Run a1x = child("a1x", a1);
        List<RunTree.Row> rows = RunTree.rows(List.of(b, a2, a1x, a, a1));
        assertEquals(List.of("b", "a", "a2", "a1", "a1x"), rows.stream().map(r -> r.run().info().runName()).toList());
        assertEquals(List.of(0, 0, 1, 1, 2), rows.stream().map(RunTree.Row::depth).toList());
        assertEquals(List.of(0, 3, 0, 1, 0), rows.stream().map(RunTree.Row::descendants).toList());
        assertEquals(List.of(0, 1, 1, 1, 1), rows.stream().map(RunTree.Row::family).toList());
    }

    @Test
    void aRunWhoseParentIsNotShownIsTopLevelAndCyclesEnd() {
        Run orphan = Runs.run("orphan", Map.of(), Map.of(), Map.of("mlflow.parentRunId", "f".repeat(32)));
        Run self = Runs.run("self", Map.of(), Map.of(), Map.of());
        Run selfish = new Run(self.info(), new io.jruns.domain.RunData(Map.of(), Map.of(),
                Map.of("mlflow.parentRunId", self.runId())));
        List<RunTree.Row> rows = RunTree.rows(List.of(orphan, selfish));
        assertEquals(2, rows.size());
        assertEquals(List.of(0, 0), rows.stream().map(RunTree.Row::depth).toList());
    }

    @Test
    void twoRunsThatNameEachOtherAsParentAreBothShown() {
        Run x = Runs.run("x", Map.of(), Map.of(), Map.of());
        Run y = child("y", x);
        Run x2 = new Run(x.info(), new io.jruns.domain.RunData(x.data().metrics(), x.data().params(),
                Map.of("mlflow.parentRunId", y.runId())));
        List<RunTree.Row> rows = RunTree.rows(List.of(x2, y));
        assertEquals(2, rows.size());
    }
}
