package io.jruns.transfer;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Param;
import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.internal.rest.FakeServerAccess;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A child copied while the target refuses its parent links to what the target holds of the
 * parent, never to an id the target does not have: the parent's failed copy where one was
 * made, else no parent until copying again copies the parent and links it.
 */
class RefusedParentTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    private static List<Run> all(Store s) {
        List<Run> out = new ArrayList<>();
        s.listExperiments(ViewType.ALL).forEach(e -> out.addAll(s.listRuns(List.of(e.experimentId()), ViewType.ALL, 1000)));
        return out;
    }

    private static Run named(Store s, String name) {
        List<Run> found = all(s).stream().filter(r -> r.info().runName().equals(name) && SourceTags.complete(r)).toList();
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }

    /** Two parents, each with a child: the target refuses the start of one and a param of the other. */
    private static void populate(Store s) {
        String exp = s.createExperiment("exp", null, Map.of());
        for (String parentName : List.of("start-refused", "value-refused")) {
            String parent = s.createRun(exp, "ann", 1_000, parentName, List.of()).runId();
            s.logBatch(new LogBatch(parent, List.of(), List.of(new Param(parentName.equals("value-refused") ? "refused" : "lr", "1")),
                    List.of()));
            s.updateRun(parent, RunStatus.FINISHED, 2_000L, null);
            String child = s.createRun(exp, "ann", 1_100, "child-of-" + parentName,
                    List.of(new RunTag(SystemTags.PARENT_RUN_ID, parent))).runId();
            s.updateRun(child, RunStatus.FINISHED, 2_000L, null);
        }
    }

    @Test
    void onAnEmbeddedTargetAChildNeverLinksToARunTheTargetDoesNotHave() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            populate(a);
            copyTwice(a, b); // the refused start is planned, then left out of its write
            assertEquals(2, b.gc(System.currentTimeMillis() - 86_400_000L, Progress.NONE).runsPurged(), "the failed copies");
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
        }
    }

    @Test
    void onAServerAChildNeverLinksToARunTheServerDoesNotHave() throws Exception {
        try (EmbeddedStore a = embedded("a"); FakeServerAccess server = new FakeServerAccess(dir.resolve("home"))) {
            populate(a);
            copyTwice(a, server.store()); // the refused start is a refused create
        }
    }

    /** Copies with the refusals, checks the children's links, then again without, and checks them again. */
    private static void copyTwice(Store a, Store b) {
        AtomicBoolean refusing = new AtomicBoolean(true);
        Store target = Refusing.store(b, "refused", "-", "start-refused", refusing);
        TransferReport r = Transfers.copy(a, "sqlite:///a", target, Selection.all(), Progress.NONE);
        assertEquals(2, r.runs(), r.toString());
        assertEquals(2, r.failed().size(), r.toString());

        String failedCopy = named(b, "child-of-value-refused").parentRunId().orElseThrow();
        Run parent = b.getRun(failedCopy).orElseThrow(() -> new AssertionError("links to a run the target does not have"));
        assertEquals("value-refused", parent.info().runName(), "the parent's failed copy");
        assertEquals("true", parent.data().tags().get(SystemTags.COPY_INCOMPLETE));
        assertEquals(Optional.empty(), named(b, "child-of-start-refused").parentRunId(),
                "no copy of its parent was made: no link, rather than the source's id");

        Transfers.copy(a, "sqlite:///a", target, Selection.all(), Progress.NONE);
        assertEquals(Optional.empty(), named(b, "child-of-start-refused").parentRunId(), "refused again: still no link");

        refusing.set(false);
        TransferReport again = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
        assertEquals(2, again.runs(), "the parents, retried: " + again);
        assertEquals(2, again.skipped(), "the children, their links pointed at the parents' copies");
        assertEquals(named(b, "start-refused").runId(), named(b, "child-of-start-refused").parentRunId().orElseThrow());
        assertEquals(named(b, "value-refused").runId(), named(b, "child-of-value-refused").parentRunId().orElseThrow());
    }
}
