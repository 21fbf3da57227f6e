package io.jruns.internal.rest;

import io.jruns.domain.Experiment;
import io.jruns.domain.SystemTags;
import io.jruns.json.RestJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** experimentsTagged over REST: MLflow's tag filter on experiments/search when it can say the value, exact matches kept. */
class RestExperimentsTaggedTest extends FakeServerTest {
    private static final String SOURCE = SystemTags.EXPERIMENT_SOURCE_NAME;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/w/a/tiny.ipynb   | a/tiny.ipynb,tiny.ipynb | tags.\"mlflow.experiment.sourceName\" = '/w/a/tiny.ipynb'",
            "/w/a/tiny         | \"\"                      | tags.\"mlflow.experiment.sourceName\" = '/w/a/tiny'",
            "/w/it's.ipynb     | quote                   | \"\"",
            "C:\\nb\\x.ipynb   | backslash               | \"\"",
    })
    void searchesByTheTagAndKeepsExactMatches(String value, String names, String filter) {
        RestStore store = fx.store();
        store.createExperiment("a/tiny.ipynb", null, Map.of(SOURCE, "/w/a/tiny.ipynb"));
        store.createExperiment("tiny.ipynb", null, Map.of(SOURCE, "/w/a/tiny.ipynb"));
        store.createExperiment("other", null, Map.of(SOURCE, "/w/a/tiny.ipynb.bak", "team", "/w/a/tiny.ipynb"));
        store.createExperiment("quote", null, Map.of(SOURCE, "/w/it's.ipynb"));
        store.createExperiment("backslash", null, Map.of(SOURCE, "C:\\nb\\x.ipynb"));

        List<Experiment> found = store.experimentsTagged(SOURCE, value);

        assertEquals(names, String.join(",", found.stream().map(Experiment::name).toList()));
        List<FakeMlflow.Seen> seen = fx.fake.seen();
        String sent = RestJson.parse(seen.get(seen.size() - 1).body()).path("filter").asText("");
        assertEquals(filter, sent);
    }
}
