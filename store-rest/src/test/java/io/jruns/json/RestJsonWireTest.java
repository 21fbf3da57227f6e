package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.Run;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading what a real MLflow server sent and writing it back gives the same JSON. */
class RestJsonWireTest {

    @ParameterizedTest
    @ValueSource(strings = {"25-run-get.txt", "09-run-create.txt", "10-run-create2.txt"})
    void runAnswersRoundTrip(String file) {
        String body = WireRecordings.responseBody(file);
        Run run = RestJson.readRun(body);
        JsonNode expected = RestJson.parse(body).get("run");
        JsonNode written = RestJson.parse(RestJson.writeRun(run)).get("run");
        if (!expected.has("inputs")) ((ObjectNode) written).remove("inputs"); // runs/create sends none
        assertEquals(normalized(expected), normalized(written), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"27-search-filter.txt", "28-search-runname.txt", "29-search-runid-in.txt",
            "30-search-paged.txt", "36-search-deleted.txt"})
    void searchAnswersRoundTrip(String file) {
        String body = WireRecordings.responseBody(file);
        List<Run> runs = RestJson.readRuns(body);
        assertFalse(runs.isEmpty(), file);
        JsonNode written = RestJson.parse(RestJson.writeRuns(runs)).get("runs");
        assertEquals(normalized(RestJson.parse(body).get("runs")), normalized(written), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03-exp-get.txt", "04-exp-get-by-name.txt"})
    void experimentAnswersAreWrittenBackByteForByte(String file) {
        String body = WireRecordings.responseBody(file);
        assertEquals(body, RestJson.writeExperiment(RestJson.readExperiment(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"05-exp-search.txt", "06-exp-search-get.txt"})
    void experimentListsAreWrittenBackByteForByte(String file) {
        String body = WireRecordings.responseBody(file);
        assertEquals(body, RestJson.writeExperiments(RestJson.readExperiments(body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"22-get-history.txt", "23-get-history-paged.txt"})
    void metricHistoryIsWrittenBackByteForByte(String file) {
        String body = WireRecordings.responseBody(file);
        assertEquals(body, RestJson.writeMetricHistory(RestJson.readMetricHistory(body)));
        java.io.StringWriter streamed = new java.io.StringWriter();
        try {
            RestJson.writeMetricHistory(RestJson.readMetricHistory(body), streamed);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(body, streamed.toString(), "written as it goes, the same bytes");
    }

    @Test
    void runGetReadsEveryField() {
        Run run = RestJson.readRun(WireRecordings.responseBody("25-run-get.txt"));
        RunInfo i = run.info();
        assertEquals("a1a28f1cff6b4f84944bb359df736b86", i.runId());
        assertEquals("1", i.experimentId());
        assertEquals("run-a", i.runName());
        assertEquals("alice", i.userId());
        assertEquals(RunStatus.RUNNING, i.status());
        assertEquals(1795719911682L, i.startTime());
        assertNull(i.endTime());
        assertEquals(LifecycleStage.ACTIVE, i.lifecycleStage());
        assertEquals("mlflow-artifacts:/1/a1a28f1cff6b4f84944bb359df736b86/artifacts", i.artifactUri());
        assertTrue(Double.isNaN(run.metric("weird").orElseThrow()));
        assertEquals(0.3, run.metric("loss").orElseThrow());
        assertEquals(2, run.data().metrics().get("loss").latestStep());
        assertEquals(Map.of("lr", "0.01", "epochs", "3"), run.data().params());
        assertEquals("hello", run.note().orElseThrow());
        assertFalse(RestJson.writeRun(run).contains("end_time"), "end_time is omitted while the run is running");
        assertTrue(RestJson.writeRun(run).contains("\"value\": \"NaN\""));
    }

    @Test
    void runUpdateAnswerCarriesEndTime() {
        JsonNode root = RestJson.parse(WireRecordings.responseBody("26-run-update.txt"));
        RunInfo info = RestJson.runInfo(root.get("run_info"), "run_info");
        assertEquals(1795719912682L, info.endTime());
        assertEquals(RunStatus.FINISHED, info.status());
        assertEquals("", info.userId());
        assertEquals(root.get("run_info"), RestJson.runInfoNode(info));
    }

    @Test
    void historyWithRunIdsReadsThePoints() {
        List<Metric> points = RestJson.readMetricHistory(WireRecordings.responseBody("24-get-history-bulk.txt"));
        assertEquals(List.of(0.9, 0.5, 0.3, 0.7), points.stream().map(Metric::value).toList());
    }

    @Test
    void mlflowsStoredInfinityReadsAsTheLargestDouble() {
        String section = WireRecordings.edgeCase("Infinity");
        String history = section.substring(section.indexOf("{\n")); // after log-metric's "{}"
        Metric m = RestJson.readMetricHistory(history).get(0);
        assertEquals(Double.MAX_VALUE, m.value(), "the REST store decides whether this means infinity");
    }

    /** Arrays of {key, ...} objects in key order: MLflow's order is the database's, not meaningful. */
    static JsonNode normalized(JsonNode n) {
        if (n.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (n.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            n.forEach(x -> items.add(normalized(x)));
            if (items.stream().allMatch(x -> x.has("key"))) items.sort(Comparator.comparing(x -> x.get("key").asText()));
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            items.forEach(copy::add);
            return copy;
        }
        if (n.isNumber()) return JsonNodeFactory.instance.numberNode(n.decimalValue()); // 1e308 vs 1E+308
        return n;
    }
}
