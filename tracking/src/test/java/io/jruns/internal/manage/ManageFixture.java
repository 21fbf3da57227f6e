package io.jruns.internal.manage;

import io.jruns.RunQuery;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.internal.embedded.EmbeddedStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small real store for the manage tests: experiment "iris" with runs "lr-small" (older,
 * finished, a hostile param value) and "lr-big" (newer, running), and experiment "other"
 * with a run also called "lr-big".
 */
final class ManageFixture implements AutoCloseable {
    final EmbeddedStore store;
    final String iris;
    final String other;
    final String small;
    final String big;
    final String otherBig;

    ManageFixture(Path dir) {
        store = EmbeddedStore.inHome(dir);
        iris = store.createExperiment("iris", null, Map.of());
        other = store.createExperiment("other", null, Map.of());
        small = store.createRun(iris, "alice", 1000, "lr-small", List.of(new RunTag(SystemTags.SOURCE_TYPE, "NOTEBOOK"),
                new RunTag(SystemTags.SOURCE_NAME, "/work/train, v2.ipynb"))).runId();
        store.logBatch(new LogBatch(small, List.of(new Metric("loss", 0.9, 1, 0), new Metric("loss", -0.25, 2, 1),
                new Metric("acc", Double.NaN, 1, 0)),
                List.of(new Param("lr", "0.01"), new Param("formula", "=cmd|' /C calc'!A0"), new Param("neg", "-3")),
                List.of(new RunTag("team", "a"))));
        store.updateRun(small, RunStatus.FINISHED, 2000L, null);
        big = store.createRun(iris, "bob", 5000, "lr-big", List.of()).runId();
        store.logBatch(new LogBatch(big, List.of(new Metric("loss", 0.5, 1, 0), new Metric("r2", 0.75, 1, 0)),
                List.of(new Param("lr", "0.1"), new Param("batch", "32")), List.of()));
        otherBig = store.createRun(other, "carol", 9000, "lr-big", List.of()).runId();
    }

    RunQuery query() {
        return new RunQuery(store, () -> iris, () -> { });
    }

    @Override
    public void close() {
        store.close();
    }
}
