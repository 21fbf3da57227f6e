package io.jruns;

import io.jruns.domain.JrunsException;

import io.jruns.domain.LifecycleStage;
import io.jruns.domain.RunStatus;
import io.jruns.domain.SystemTags;
import io.jruns.search.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding and managing runs through the static facade, on a real store in a temporary folder. */
class JrunsManageTest {
    @TempDir
    Path dir;
    String parent;
    String child;
    String other;

    @BeforeEach
    void threeRuns() {
        Jruns.setTrackingUri(dir.toString());
        Jruns.setExperiment("manage");
        try (ActiveRun p = Jruns.startRun("parent")) {
            parent = p.runId();
            Jruns.logParam("alpha", "0.5");
            Jruns.logMetric("r2", 0.4);
            try (ActiveRun c = Jruns.startRun(RunOptions.builder().name("child").nested(true).build())) {
                child = c.runId();
                Jruns.logParam("alpha", "0.1");
                Jruns.logMetric("r2", 0.9);
            }
        }
        try (ActiveRun o = Jruns.startRun("other")) {
            other = o.runId();
            Jruns.logMetric("r2", 0.1);
        }
    }

    @AfterEach
    void closeStore() {
        Jruns.endAllRuns(RunStatus.FINISHED);
        Jruns.closeSession();
    }

    private LifecycleStage stage(String id) {
        return Jruns.client().getRun(id).info().lifecycleStage();
    }

    @Test
    void searchRunsGivesATableOfTheActiveExperiment() {
        Table t = Jruns.searchRuns("metrics.r2 > 0.3");
        assertEquals(2, t.rowCount());
        assertEquals(java.util.Set.of(child, parent), java.util.Set.copyOf(t.stringColumn("run_id").asList()));
        Table ordered = Jruns.search().filter("metrics.r2 > 0").orderBy("metrics.r2 DESC").max(2).table();
        assertEquals(List.of(child, parent), ordered.stringColumn("run_id").asList());
        assertEquals(0, Jruns.search().experiments("Default").table().rowCount());
    }

    @Test
    void pagesCarryTokens() {
        SearchResult first = Jruns.search().orderBy("metrics.r2").max(2).page();
        assertEquals(List.of(other, parent), first.runs().stream().map(r -> r.runId()).toList());
        assertNotNull(first.nextPageToken());
        SearchResult second = Jruns.search().orderBy("metrics.r2").max(2).pageToken(first.nextPageToken()).page();
        assertEquals(List.of(child), second.runs().stream().map(r -> r.runId()).toList());
    }

    @Test
    void renameAndTagsByNameOrPrefix() {
        assertEquals(child, Jruns.rename("child", "kid"));
        assertEquals("kid", Jruns.client().getRun(child).info().runName());
        assertEquals("kid", Jruns.client().getRun(child).data().tags().get(SystemTags.RUN_NAME));
        Jruns.setTag(parent.substring(0, 8), "stage", "prod");
        assertEquals("prod", Jruns.client().getRun(parent).data().tags().get("stage"));
        Jruns.deleteTag(parent, "stage");
        assertFalse(Jruns.client().getRun(parent).data().tags().containsKey("stage"));
        JrunsException e = assertThrows(JrunsException.class, () -> Jruns.rename("child", "again"));
        assertEquals("no active run 'child' (by run id, id prefix or run name in experiment 'manage')", e.getMessage());
    }

    @Test
    void deleteAndRestoreWithDescendants() {
        assertEquals(2, Jruns.deleteRuns("parent"));
        assertEquals(LifecycleStage.DELETED, stage(child));
        assertEquals(2, Jruns.restoreRuns("parent"));
        assertEquals(LifecycleStage.ACTIVE, stage(child));
        assertEquals(1, Jruns.deleteRuns(List.of("parent"), true));
        assertEquals(LifecycleStage.ACTIVE, stage(child));
    }

    @Test
    void bulkByTimeAndGc() {
        long end = Jruns.client().getRun(other).info().startTime();
        assertEquals(3, Jruns.deleteRuns("manage", end, null));
        assertEquals(1, Jruns.restoreRuns("manage", 0, 1));
        assertEquals(2, Jruns.search().state("deleted").runs().size());
        assertEquals(0, Jruns.gc(Duration.ofDays(30)).runsPurged());
        assertEquals(2, Jruns.gc(Duration.ZERO).runsPurged());
        assertEquals(1, Jruns.search().state("all").runs().size());
        JrunsException e = assertThrows(JrunsException.class, () -> Jruns.deleteRuns("manage", end, 0));
        assertEquals("max runs must be a whole number from 1 to 10,000, got 0", e.getMessage());
    }

    @Test
    void exportCsvWritesTheSearch() throws Exception {
        Path file = dir.resolve("out.csv");
        assertEquals(3, Jruns.exportCsv(Jruns.search().orderBy("metrics.r2"), file));
        List<String> lines = Files.readAllLines(file);
        assertEquals("Run ID,Name,Source Type,Source Name,User,Status,alpha,r2", lines.get(0));
        assertTrue(lines.get(1).startsWith(other + ",other,LOCAL,"), lines.get(1));
        assertTrue(lines.get(3).endsWith(",FINISHED,0.1,0.9"), lines.get(3));
    }

    @Test
    void aBadFilterLeavesTheFileItWouldHaveReplacedAsItWas() throws Exception {
        Path file = dir.resolve("report.csv");
        Files.writeString(file, "my,important\n1,2\n");
        JrunsException e = assertThrows(JrunsException.class,
                () -> Jruns.exportCsv(Jruns.search().filter("params.opt = sgd"), file));
        assertTrue(e.getMessage().contains("column 14"), e.getMessage());
        assertEquals("my,important\n1,2\n", Files.readString(file));
        assertEquals(3, Jruns.exportCsv(Jruns.search(), file));
        assertTrue(Files.readString(file).startsWith("Run ID,"));
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path file = dir.resolve("nodir").resolve("x.csv");
        JrunsException e = assertThrows(JrunsException.class, () -> Jruns.exportCsv(Jruns.search(), file));
        assertEquals("cannot write " + file + ": folder " + file.getParent() + " does not exist", e.getMessage());
        JrunsException folder = assertThrows(JrunsException.class, () -> Jruns.exportCsv(Jruns.search(), dir));
        assertEquals("cannot write " + dir + ": it is a folder; name a file in it", folder.getMessage());
    }
}
