package io.jruns.transfer;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.SystemTags;
import io.jruns.domain.ViewType;
import io.jruns.internal.embedded.EmbeddedStore;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy stopped midway keeps the runs it finished: copying again adds the rest, once. */
class InterruptedCopyTest {
    @TempDir
    Path dir;

    private EmbeddedStore embedded(String name) {
        return new EmbeddedStore(dir.resolve(name).resolve("jruns.db"), dir.resolve(name).resolve("artifacts"));
    }

    /** Every run of the store, active and deleted. */
    private static List<Run> all(Store s) {
        List<Run> out = new ArrayList<>();
        s.listExperiments(ViewType.ALL).forEach(e -> out.addAll(s.listRuns(List.of(e.experimentId()), ViewType.ALL, 1000)));
        return out;
    }

    @Test
    void runsCopiedBeforeTheStopAreNotCopiedAgain() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            // groups of 2 runs, each written in one call and completed in another: killed as the third group's is written
            Store dying = Interrupt.at(Store.class, b, "logBatches", 5);
            assertThrows(Interrupt.Killed.class, () -> new RunCopier(a, "sqlite:///a", dying, Progress.NONE, 2).copy(Selection.all()));
            List<Run> kept = all(b);
            assertEquals(4, kept.size());
            for (Run r : kept) {
                assertTrue(r.data().tags().containsKey(SystemTags.COPIED_AT), "each finished as it was copied: " + r);
                boolean deletedAtSource = a.getRun(r.data().tags().get(SystemTags.COPY_SOURCE_RUN_ID)).orElseThrow()
                        .info().lifecycleStage() == LifecycleStage.DELETED;
                assertEquals(deletedAtSource, r.info().lifecycleStage() == LifecycleStage.DELETED, r.info().runName());
            }
            TransferReport again = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            assertEquals(1, again.runs());
            assertEquals(4, again.skipped());
            assertEquals(5, all(b).size(), "no run copied twice");
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
        }
    }

    @Test
    void theRunsOfAGroupStoppedBeforeItsCompletionAreReplacedAndMarkedForTheNextGc() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            // groups of 2: the third group's values are written (call 5), its completion (call 6) is not
            Store dying = Interrupt.at(Store.class, b, "logBatches", 6);
            assertThrows(Interrupt.Killed.class, () -> new RunCopier(a, "sqlite:///a", dying, Progress.NONE, 2).copy(Selection.all()));
            Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            List<Run> leftovers = all(b).stream().filter(r -> r.data().tags().containsKey(SystemTags.COPY_INCOMPLETE)).toList();
            assertEquals(1, leftovers.size(), "the stopped group's run that was made (the fifth has none)");
            for (Run r : leftovers) {
                assertEquals(LifecycleStage.DELETED, r.info().lifecycleStage());
                assertEquals(1L, r.info().deletedTime(), "purged by the next gc, not kept 30 days like a real deletion");
            }
            assertEquals(1, b.gc(System.currentTimeMillis() - 86_400_000L, Progress.NONE).runsPurged(), "gc takes it at once");
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b));
        }
    }

    @Test
    void aCopyStoppedBeforeItsDeletionIsDeletedWhenCopyingAgain() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            Store dying = Interrupt.at(Store.class, b, "deleteRun", 1); // the deleted run's copy, tagged complete, not yet deleted
            assertThrows(Interrupt.Killed.class, () -> Transfers.copy(a, "sqlite:///a", dying, Selection.all(), Progress.NONE));
            int before = all(b).size();
            TransferReport again = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            assertEquals(before, again.skipped());
            assertEquals(5, all(b).size(), "no run copied twice");
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b), "deleted, with the time it was deleted at the source");
        }
    }

    @Test
    void aParentCopiedAfterItsChildGetsTheChildsLink() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            Transfers.copy(a, "sqlite:///a", b, new Selection(List.of(), "params.fold = '0'"), Progress.NONE);
            assertTrue(RunSnapshot.of(b).get("exp one/child-0").parent().startsWith("outside:"), "its parent is not there yet");
            TransferReport rest = Transfers.copy(a, "sqlite:///a", b, Selection.all(), Progress.NONE);
            assertEquals(1, rest.skipped());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(b), "child-0 now points at its parent's copy");
        }
    }
}
