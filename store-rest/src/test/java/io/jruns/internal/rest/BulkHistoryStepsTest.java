package io.jruns.internal.rest;

import io.jruns.domain.Run;
import io.jruns.internal.writer.AsyncWriter;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Histories read in bulk for a jruns-only filter keep points at negative steps: MLflow's
 * get-history-bulk-interval starts at step 0 unless asked for a range (the fake does as it does).
 */
class BulkHistoryStepsTest {
    @TempDir
    Path home;

    @Test
    void aMinimumAtANegativeStepIsFound() throws Exception {
        try (RestFixture fx = new RestFixture(home)) {
            RestStore store = fx.store();
            String exp = store.createExperiment("steps", null, java.util.Map.of());
            String run = store.createRun(exp, "u", 1, "warm-up", List.of()).runId();
            AsyncWriter writer = new AsyncWriter(store);
            writer.metric(run, "loss", 0.01, 5, -1);
            writer.metric(run, "loss", 0.9, 6, 0);
            writer.metric(run, "loss", 0.5, 7, 2);
            writer.close();
            long bulk = fx.fake.count("get-history-bulk-interval"), all = fx.fake.count("metrics/get-history");
            List<Run> hits = store.searchRuns(SearchRequest.builder().experiments(exp)
                    .filter("MIN(metrics.loss) < 0.1").build()).runs();
            assertEquals(List.of(run), hits.stream().map(Run::runId).toList());
            assertEquals(0.01, hits.get(0).data().metrics().get("loss").min());
            assertEquals(bulk + 1, fx.fake.count("get-history-bulk-interval"), "read in bulk");
            assertEquals(all + 1, fx.fake.count("metrics/get-history"), "(which this counts too) and not run by run");
        }
    }
}
