package io.jruns.magics.cell;

import io.jruns.magics.MagicsOnStore;
import io.jruns.Jruns;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.magics.FakeHost;
import io.jruns.magics.registry.MagicSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An interrupted %%run cell ends its run KILLED, saying why; one that throws ends it FAILED. */
class RunCellInterruptTest extends MagicsOnStore {
    RunCellInterruptTest() {
        super("interrupts");
    }

    Run cell(String name, Exception thrown) {
        host.cell(name, () -> {
            throw thrown;
        });
        Exception e = assertThrows(Exception.class, () -> magics.run(host, MagicSpec.Kind.CELL, "run", name, name));
        assertSame(thrown, e, "the cell's own exception reaches the notebook");
        assertTrue(Jruns.activeRun().isEmpty());
        return Jruns.client().listRuns(List.of(Jruns.getExperiment().experimentId()), ViewType.ALL, 100).stream()
                .filter(r -> r.info().runName().equals(name)).findFirst().orElseThrow();
    }

    /** How jjava's kernels report one (org.dflib.jjava.execution), wrapped by evalRaw. */
    static final class EvaluationInterruptedException extends Exception {
    }

    @Test
    void anInterruptedCellEndsItsRunKilledWithTheReason() {
        for (Exception interrupt : new Exception[]{new InterruptedException("sleep interrupted"),
                new RuntimeException(new EvaluationInterruptedException())}) {
            Run run = cell("sleeper" + interrupt.getClass().getSimpleName(), interrupt);
            assertEquals(RunStatus.KILLED, run.info().status(), interrupt.toString());
            assertEquals("the %%run cell was interrupted in the notebook", run.data().tags().get(SystemTags.KILLED_REASON));
        }
    }

    @Test
    void aCellThatDoesNotCompileLeavesNoEmptyRun() {
        Run run = cell("typo", new FakeHost.CompileError("incompatible types: String cannot be converted to int"));
        assertEquals(LifecycleStage.DELETED, run.info().lifecycleStage());
        assertTrue(host.lastText().contains("did not compile") && host.lastText().contains(run.runId()), host.lastText());
        host.cell("logs-first", () -> {
            Jruns.logParam("lr", 0.1);
            throw new FakeHost.CompileError("cannot find symbol");
        });
        assertThrows(FakeHost.CompileError.class, () -> magics.run(host, MagicSpec.Kind.CELL, "run", "logs-first", "logs-first"));
        Run kept = Jruns.client().listRuns(Jruns.getExperiment().experimentId()).stream()
                .filter(r -> r.info().runName().equals("logs-first")).findFirst().orElseThrow();
        assertEquals(LifecycleStage.ACTIVE, kept.info().lifecycleStage(), "a run with values stays, FAILED");
        assertEquals(RunStatus.FAILED, kept.info().status());
    }

    @Test
    void aCellThatThrowsStillEndsFailed() {
        Run run = cell("boom", new IllegalStateException("boom"));
        assertEquals(RunStatus.FAILED, run.info().status());
        assertFalse(run.data().tags().containsKey(SystemTags.KILLED_REASON));
    }
}
