package io.jruns.transfer;

import io.jruns.domain.Run;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy names the original run, so copying back, or along two paths, duplicates nothing. */
class CopyBackTest {
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

    private static TransferReport copy(Store from, String fromUri, Store to, String toUri) {
        return Transfers.copy(from, fromUri, to, toUri::equals, Selection.all(), Progress.NONE);
    }

    @Test
    void copyingBackIntoTheOriginalStoreFindsEveryRunAlreadyThere() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            Map<String, RunSnapshot> before = RunSnapshot.of(a);
            assertEquals(5, copy(a, "sqlite:///a", b, "sqlite:///b").runs());
            // a run made in b under a copied parent: the one new run, its parent link pointed at a's own parent
            Run parentCopy = all(b).stream().filter(r -> r.info().runName().equals("parent")).findFirst().orElseThrow();
            String child = b.createRun(parentCopy.info().experimentId(), "dee", 2_000, "made-in-b",
                    List.of(new RunTag(SystemTags.PARENT_RUN_ID, parentCopy.runId()))).runId();
            b.updateRun(child, RunStatus.FINISHED, 2_100L, null);

            TransferReport back = copy(b, "sqlite:///b", a, "sqlite:///a");
            assertEquals(1, back.runs(), back.toString());
            assertEquals(5, back.skipped(), "a's own runs are already there");
            assertEquals(6, all(a).size(), "nothing duplicated");
            Run made = all(a).stream().filter(r -> r.info().runName().equals("made-in-b")).findFirst().orElseThrow();
            String aParent = parentCopy.data().tags().get(SystemTags.COPY_SOURCE_RUN_ID);
            assertEquals(aParent, made.parentRunId().orElseThrow(), "its parent is a's run, not a copy of it");
            assertEquals("parent", a.getRun(aParent).orElseThrow().info().runName());
            before.put("exp one/made-in-b", RunSnapshot.of(a).get("exp one/made-in-b"));
            assertEquals(before, RunSnapshot.of(a));
        }
    }

    @Test
    void aCopyOfACopyNamesTheOriginalRunSoNoPathDuplicatesIt() throws Exception {
        try (EmbeddedStore a = embedded("a"); EmbeddedStore b = embedded("b"); EmbeddedStore c = embedded("c")) {
            TransferFixture.populate(a, dir.resolve("scratch"));
            copy(a, "sqlite:///a", b, "sqlite:///b");
            assertEquals(5, copy(b, "sqlite:///b", c, "sqlite:///c").runs());
            for (Run r : all(c)) {
                String origin = r.data().tags().get(SystemTags.COPY_SOURCE_RUN_ID);
                assertTrue(a.getRun(origin).isPresent(), "names a's run: " + origin);
                assertEquals("sqlite:///a", r.data().tags().get(SystemTags.COPY_SOURCE_URI));
            }
            TransferReport direct = copy(a, "sqlite:///a", c, "sqlite:///c");
            assertEquals(0, direct.runs(), "the runs came to c through b: already there");
            assertEquals(5, direct.skipped());
            assertEquals(0, copy(b, "sqlite:///b", c, "sqlite:///c").runs());
            assertEquals(0, copy(c, "sqlite:///c", a, "sqlite:///a").runs(), "back from two hops away");
            assertEquals(5, all(a).size());
            assertEquals(5, all(c).size());
            assertEquals(RunSnapshot.of(a), RunSnapshot.of(c));
        }
    }
}
