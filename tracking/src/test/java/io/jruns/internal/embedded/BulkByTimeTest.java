package io.jruns.internal.embedded;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.ViewType;
import io.jruns.store.Progress;
import io.jruns.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Databricks-style delete_runs / restore_runs by time, on the embedded store and Store's defaults. */
class BulkByTimeTest {
    @TempDir
    Path dir;
    EmbeddedStore embedded;
    String exp;
    String otherExp;
    List<String> runs = new ArrayList<>();

    @BeforeEach
    void open() {
        embedded = EmbeddedStore.inHome(dir);
        exp = embedded.createExperiment("bulk", null, Map.of());
        otherExp = embedded.createExperiment("elsewhere", null, Map.of());
        for (int i = 0; i < 30; i++) runs.add(embedded.createRun(exp, "u", 1000L * (i + 1), "r" + i, List.of()).runId());
        embedded.createRun(otherExp, "u", 1, "far", List.of());
    }

    @AfterEach
    void close() {
        embedded.close();
    }

    Store store(String kind) {
        if (kind.equals("embedded")) return embedded;
        Set<String> defaults = Set.of("deleteRunsCreatedBefore", "restoreRunsDeletedSince");
        InvocationHandler h = (proxy, method, args) -> defaults.contains(method.getName())
                ? InvocationHandler.invokeDefault(proxy, method, args)
                : method.invoke(embedded, args);
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, h);
    }

    private List<String> deleted(String experiment) {
        return embedded.listRuns(List.of(experiment), ViewType.DELETED_ONLY, 1000).stream().map(Run::runId).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void deletesTheRunsCreatedAtOrBeforeTheTimeOldestFirstUpToTheCap(String kind) {
        Store s = store(kind);
        assertEquals(5, s.deleteRunsCreatedBefore(exp, 20_000, 5, Progress.NONE));
        assertEquals(runs.subList(0, 5).stream().sorted().toList(), deleted(exp));
        assertEquals(15, s.deleteRunsCreatedBefore(exp, 20_000, 10_000, Progress.NONE), "at or before: r19 at 20,000 too");
        assertEquals(runs.subList(0, 20).stream().sorted().toList(), deleted(exp));
        assertEquals(List.of(), deleted(otherExp));
        assertEquals(0, s.deleteRunsCreatedBefore(exp, 20_000, 10_000, Progress.NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void restoresTheRunsDeletedAtOrAfterTheTime(String kind) throws Exception {
        Store s = store(kind);
        s.deleteRunsCreatedBefore(exp, 3000, 10_000, Progress.NONE);
        Thread.sleep(5);
        long since = System.currentTimeMillis();
        s.deleteRunsCreatedBefore(exp, 10_000, 10_000, Progress.NONE);
        assertEquals(10, deleted(exp).size());
        assertEquals(2, s.restoreRunsDeletedSince(exp, since, 2, Progress.NONE));
        assertEquals(8, deleted(exp).size());
        assertEquals(5, s.restoreRunsDeletedSince(exp, since, 10_000, Progress.NONE));
        assertEquals(runs.subList(0, 3).stream().sorted().toList(), deleted(exp), "those deleted before stay deleted");
        assertEquals(LifecycleStage.ACTIVE, embedded.getRun(runs.get(9)).orElseThrow().info().lifecycleStage());
    }

    @Test
    void progressCountsUpToTheTotalInChunks() {
        for (int i = 0; i < 2100; i += 100) {
            List<io.jruns.domain.RunInfo> ignored = new ArrayList<>();
            for (int k = 0; k < 100; k++) ignored.add(embedded.createRun(exp, "u", 50_000 + i + k, null, List.of()));
        }
        List<String> reports = new ArrayList<>();
        int n = embedded.deleteRunsCreatedBefore(exp, Long.MAX_VALUE / 2, 10_000, (what, done, total) -> reports.add(what + " " + done + "/" + total));
        assertEquals(2130, n);
        assertEquals(List.of("runs deleted 1000/2130", "runs deleted 2000/2130", "runs deleted 2130/2130"), reports);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "embedded | 1000 | 0      | max runs must be a whole number from 1 to 10,000, got 0",
            "embedded | 1000 | -1     | max runs must be a whole number from 1 to 10,000, got -1",
            "embedded | 1000 | 10001  | max runs must be a whole number from 1 to 10,000, got 10001",
            "embedded | -5   | 10     | max timestamp must be milliseconds since the epoch (0 or more), got -5",
            "defaults | 1000 | 0      | max runs must be a whole number from 1 to 10,000, got 0",
            "defaults | 1000 | 10001  | max runs must be a whole number from 1 to 10,000, got 10001",
            "defaults | -5   | 10     | max timestamp must be milliseconds since the epoch (0 or more), got -5"})
    void outOfRangeArgumentsAreClearErrors(String kind, long time, int max, String message) {
        JrunsException e = assertThrows(JrunsException.class, () -> store(kind).deleteRunsCreatedBefore(exp, time, max, Progress.NONE));
        assertEquals(message, e.getMessage());
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
        JrunsException r = assertThrows(JrunsException.class, () -> store(kind).restoreRunsDeletedSince(exp, time, max, Progress.NONE));
        assertEquals(message.replace("max timestamp", "min timestamp"), r.getMessage());
        assertEquals(List.of(), deleted(exp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "defaults"})
    void anUnknownExperimentIsAnError(String kind) {
        JrunsException e = assertThrows(JrunsException.class, () -> store(kind).deleteRunsCreatedBefore("999", 1, 1, Progress.NONE));
        assertEquals("experiment '999' does not exist", e.getMessage());
        assertTrue(e.code() == JrunsException.Code.RESOURCE_DOES_NOT_EXIST);
    }
}
