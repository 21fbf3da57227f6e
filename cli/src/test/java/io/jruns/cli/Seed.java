package io.jruns.cli;

import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import io.jruns.domain.RunTag;
import io.jruns.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small store with known content, written through the store interface with chosen times:
 * experiment "vision" with runs "cnn-small" (finished, 65 s) and "cnn-big" (running, newer),
 * and experiment "nlp" with run "bert" (failed, newest).
 */
final class Seed {
    static final long T0 = Instant.parse("2024-03-01T10:15:30Z").toEpochMilli();

    final String visionId;
    final String nlpId;
    final String small;
    final String big;
    final String bert;

    Seed(Store store) {
        visionId = store.createExperiment("vision", null, Map.of("team", "cv"));
        nlpId = store.createExperiment("nlp", null, Map.of());

        small = store.createRun(visionId, "alice", T0, "cnn-small",
                List.of(new RunTag("mlflow.note.content", "first try\nwith two lines"))).runId();
        store.logBatch(new LogBatch(small,
                List.of(new Metric("loss", 0.9, T0 + 1000, 0), new Metric("loss", 0.5, T0 + 2000, 1),
                        new Metric("loss", 0.25, T0 + 3000, 2), new Metric("acc", 0.8125, T0 + 3000, 2),
                        new Metric("odd", Double.NaN, T0 + 3000, 0), new Metric("odd", Double.POSITIVE_INFINITY, T0 + 3001, 1)),
                List.of(new Param("lr", "0.01"), new Param("layers", "3")),
                List.of(new RunTag("stage", "dev"))));
        store.updateRun(small, RunStatus.FINISHED, T0 + 65_000, null);

        big = store.createRun(visionId, "alice", T0 + 100_000, "cnn-big", List.of()).runId();
        store.logBatch(new LogBatch(big, List.of(new Metric("loss", 0.75, T0 + 101_000, 0)),
                List.of(new Param("lr", "0.1")), List.of()));

        bert = store.createRun(nlpId, "bob", T0 + 200_000, "bert", List.of()).runId();
        store.logBatch(new LogBatch(bert, List.of(), List.of(new Param("heads", "12")), List.of()));
        store.updateRun(bert, RunStatus.FAILED, T0 + 200_850, null);
    }

    static Seed into(Cli cli) {
        try (Store store = cli.openStore()) {
            return new Seed(store);
        }
    }

    RunInfo info(Store store, String runId) {
        return store.getRun(runId).orElseThrow().info();
    }
}
