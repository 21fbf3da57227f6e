package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delete and restore, with descendants, on the embedded store (set-based SQL) and through
 * Store's defaults (single-run calls), which must agree. A tree: root > child > grandchild,
 * root > child2, and an unrelated run.
 */
class RunLifecycleTest {
    @TempDir
    Path dir;
    EmbeddedStore embedded;
    String exp;
    String root;
    String child;
    String grandchild;
    String child2;
    String other;

    @BeforeEach
    void open() {
        embedded = EmbeddedStore.inHome(dir);
        exp = embedded.createExperiment("tree", null, Map.of());
        root = run("root", null, 1000);
        child = run("child", root, 2000);
        grandchild = run("grandchild", child, 3000);
        child2 = run("child2", root, 4000);
        other = run("other", null, 5000);
    }

    @AfterEach
    void close() {
        embedded.close();
    }

    private String run(String name, String parent, long start) {
        List<RunTag> tags = parent == null ? List.of() : List.of(new RunTag(SystemTags.PARENT_RUN_ID, parent));
        return embedded.createRun(exp, "u", start, name, tags).runId();
    }

    /** The embedded store itself, or the same store with run management left to Store's defaults. */
    Store store(String kind) {
        if (kind.equals("embedded")) return embedded;
        Set<String> defaults = Set.of("deleteRuns", "restoreRuns", "deleteRunsCreatedBefore", "restoreRunsDeletedSince");
        InvocationHandler h = (proxy, method, args) -> defaults.contains(method.getName())
                ? InvocationHandler.invokeDefault(proxy, method, args)
                : method.invoke(embedded, args);
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, h);
    }

    private RunInfo info(String id) {
        return embedded.getRun(id).orElseThrow().info();
    }

    private boolean deleted(String id) {
        return info(id).lifecycleStage() == LifecycleStage.DELETED;
    }

    private List<String> deletedOnes() {
        List<String> out = new ArrayList<>();
        for (String id : List.of(root, child, grandchild, child2, other)) if (deleted(id)) out.add(id);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void deletingAParentDeletesItsDescendantsWithTheTime(String kind) {
        long before = System.currentTimeMillis();
        List<long[]> progress = new ArrayList<>();
        int n = store(kind).deleteRuns(List.of(root), false, (what, done, total) -> progress.add(new long[]{done, total}));
        assertEquals(4, n);
        assertEquals(List.of(root, child, grandchild, child2), deletedOnes());
        assertTrue(info(grandchild).deletedTime() >= before);
        assertEquals(4, progress.get(progress.size() - 1)[0]);
        assertEquals(4, progress.get(progress.size() - 1)[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void aDeleteStaysInItsExperimentThoughAChildWasLoggedToAnother(String kind) {
        String elsewhere = embedded.createExperiment("elsewhere", null, Map.of());
        String away = embedded.createRun(elsewhere, "u", 6000, "away",
                List.of(new RunTag(SystemTags.PARENT_RUN_ID, root))).runId();
        String awayChild = embedded.createRun(exp, "u", 7000, "back home",
                List.of(new RunTag(SystemTags.PARENT_RUN_ID, away))).runId();
        assertEquals(4, store(kind).deleteRuns(List.of(root), false, (w, d, t) -> { }));
        assertEquals(List.of(root, child, grandchild, child2), deletedOnes());
        assertTrue(!deleted(away) && !deleted(awayChild), "another experiment's run, and what is below it, stay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void keepDescendantsDeletesOnlyTheRun(String kind) {
        assertEquals(1, store(kind).deleteRuns(List.of(root), true, (w, d, t) -> { }));
        assertEquals(List.of(root), deletedOnes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void restoreBringsBackWhatWasDeletedWithItOnly(String kind) throws Exception {
        Store s = store(kind);
        s.deleteRuns(List.of(child2), false, (w, d, t) -> { }); // earlier and on its own
        Thread.sleep(5); // the defaults tell deletes apart by time
        assertEquals(3, s.deleteRuns(List.of(root), false, (w, d, t) -> { }));
        assertEquals(3, s.restoreRuns(List.of(root), (w, d, t) -> { }));
        assertEquals(List.of(child2), deletedOnes());
        assertNull(info(root).deletedTime());
        assertEquals(1, s.restoreRuns(List.of(child2), (w, d, t) -> { }));
        assertEquals(List.of(), deletedOnes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void deletingAgainChangesNothingAndCountsNothing(String kind) {
        Store s = store(kind);
        s.deleteRuns(List.of(child), false, (w, d, t) -> { });
        assertEquals(0, s.deleteRuns(List.of(child, grandchild), false, (w, d, t) -> { }));
        assertEquals(0, s.restoreRuns(List.of(other), (w, d, t) -> { }), "an active run needs no restoring");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void aMissingRunIsAnErrorAndNothingIsDeleted(String kind) {
        String missing = "0".repeat(32);
        JrunsException e = assertThrows(JrunsException.class,
                () -> store(kind).deleteRuns(List.of(root, missing), false, (w, d, t) -> { }));
        assertEquals(JrunsException.Code.RESOURCE_DOES_NOT_EXIST, e.code());
        assertEquals("run '" + missing + "' does not exist", e.getMessage());
        assertEquals(List.of(), deletedOnes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void aCycleOfParentTagsEnds(String kind) {
        embedded.logBatch(new io.jruns.domain.LogBatch(root, List.of(), List.of(),
                List.of(new RunTag(SystemTags.PARENT_RUN_ID, grandchild))));
        assertEquals(4, store(kind).deleteRuns(List.of(child), false, (w, d, t) -> { }));
    }

    @org.junit.jupiter.api.Test
    void mlflowsDeleteRunTakesOnlyThatRun() {
        embedded.deleteRun(root);
        assertEquals(List.of(root), deletedOnes());
        assertNotNull(info(root).deletedTime());
        embedded.restoreRun(root);
        assertEquals(List.of(), deletedOnes());
    }
}
