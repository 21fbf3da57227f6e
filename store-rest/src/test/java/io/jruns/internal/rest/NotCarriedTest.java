package io.jruns.internal.rest;

import io.jruns.json.RestJson;
import io.jruns.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** MLflow runs' dataset inputs, which jruns does not keep, are noticed as runs are read. */
class NotCarriedTest {
    @TempDir
    Path home;

    static final String DATASET = "{\"dataset_inputs\": [{\"tags\": [{\"key\": \"mlflow.data.context\", \"value\": \"training\"}],"
            + " \"dataset\": {\"name\": \"iris\", \"digest\": \"a1b2c3\", \"source_type\": \"local\", \"source\": \"{}\"}}]}";

    @Test
    void describesWhatARunNodeHoldsBeyondJrunsRuns() {
        assertNull(NotCarried.describe(RestJson.parse("{\"info\": {}, \"inputs\": {}}")), "as MLflow sends a run without");
        assertEquals("1 dataset input (MLflow's, which jruns does not keep)",
                NotCarried.describe(RestJson.parse("{\"inputs\": " + DATASET + "}")));
        assertEquals("2 model outputs (MLflow's, which jruns does not keep)",
                NotCarried.describe(RestJson.parse("{\"outputs\": {\"model_outputs\": [{}, {}]}}")));
    }

    @Test
    void theStoreSaysSoForARunItRead() throws Exception {
        try (RestFixture fx = new RestFixture(home)) {
            String with, without;
            synchronized (fx.fake.state) {
                with = fx.fake.state.createRun("0", "u", "with", 1, Map.of()).id;
                without = fx.fake.state.createRun("0", "u", "without", 2, Map.of()).id;
                fx.fake.state.run(with).inputs = RestJson.parse(DATASET);
            }
            RestStore store = fx.store();
            assertEquals(Optional.empty(), store.notCarried(with), "nothing read yet");
            store.searchRuns(SearchRequest.builder().experiments("0").build());
            assertEquals(Optional.of("1 dataset input (MLflow's, which jruns does not keep)"), store.notCarried(with));
            assertEquals(Optional.empty(), store.notCarried(without));
            RestStore other = fx.store();
            other.getRun(with);
            assertEquals(List.of("1 dataset input (MLflow's, which jruns does not keep)"), other.notCarried(with).stream().toList());
        }
    }
}
