package io.jruns.json;

import io.jruns.domain.JrunsException;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestJsonTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";

    static Run run(Long endTime, double... values) {
        Map<String, MetricSummary> metrics = new java.util.TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            metrics.put("m" + i, MetricSummary.of(new Metric("m" + i, values[i], 1000 + i, i)));
        }
        RunInfo info = new RunInfo(ID, "7", "my run", "bob", endTime == null ? RunStatus.RUNNING : RunStatus.FAILED,
                1_700_000_000_000L, endTime, LifecycleStage.DELETED, null, "/tmp/a rt/" + ID);
        return new Run(info, new RunData(metrics, Map.of("lr", "0.1", "name", "x \"quoted\" ü"),
                Map.of("mlflow.runName", "my run", "mlflow.note.content", "line1\nline2")));
    }

    @Test
    void runRoundTripsThroughText() {
        Run r = run(1_700_000_005_000L, 0.25, -3, 1e-300);
        assertEquals(r, RestJson.readRun(RestJson.writeRun(r)));
        Run open = run(null);
        assertEquals(open, RestJson.readRun(RestJson.writeRun(open)));
        assertTrue(RestJson.writeRun(open).contains("\"inputs\": {}"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e21, 123456789.123456789})
    void everyDoubleRoundTripsBitForBit(double v) {
        Metric m = new Metric("k", v, 5, -1);
        Metric back = RestJson.readMetricHistory(RestJson.writeMetricHistory(List.of(m))).get(0);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back.value()), "value " + v);
        assertEquals(m, back);
        Run r = run(null, v);
        assertEquals(r, RestJson.readRun(RestJson.writeRun(r)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NaN           | \"NaN\"",
            "Infinity      | \"Infinity\"",
            "-Infinity     | \"-Infinity\"",
            "0.5           | 0.5"})
    void nonFiniteValuesTravelAsStrings(double v, String wire) {
        String json = RestJson.compact(RestJson.metricNode(new Metric("k", v, 1, 2)));
        assertEquals("{\"key\":\"k\",\"value\":" + wire + ",\"timestamp\":1,\"step\":2}", json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NaN          | NaN",
            "\"NaN\"      | NaN",
            "\"Infinity\" | Infinity",
            "\"-Infinity\"| -Infinity",
            "Infinity     | Infinity",
            "\"0.5\"      | 0.5",
            "-2e3         | -2000",
            "1.7976931348623157e+308 | 1.7976931348623157E308"})
    void readsTheFormsServersSend(String wire, double expected) {
        String json = "{\"metrics\": [{\"key\": \"k\", \"value\": " + wire + ", \"timestamp\": \"5\"}]}";
        Metric m = RestJson.readMetricHistory(json).get(0);
        assertEquals(new Metric("k", expected, 5, 0), m);
    }

    @Test
    void experimentRoundTripsWithAndWithoutTags() {
        Experiment e = new Experiment("12", "a/b c", "/x/12", LifecycleStage.ACTIVE, 10, 20, Map.of("z", "1", "a", "2"));
        assertEquals(e, RestJson.readExperiment(RestJson.writeExperiment(e)));
        Experiment bare = new Experiment("0", "Default", null, LifecycleStage.DELETED, 1, 2, Map.of());
        assertEquals(List.of(e, bare), RestJson.readExperiments(RestJson.writeExperiments(List.of(e, bare))));
        assertTrue(RestJson.writeExperiment(e).indexOf("\"a\"") < RestJson.writeExperiment(e).indexOf("\"z\""));
    }

    @Test
    void emptyListsReadAsEmpty() {
        assertEquals(List.of(), RestJson.readRuns("{}"));
        assertEquals(List.of(), RestJson.readExperiments("{\"experiments\": []}"));
        assertEquals("{\n  \"metrics\": []\n}", RestJson.writeMetricHistory(List.of()));
        java.io.StringWriter empty = new java.io.StringWriter();
        try {
            RestJson.writeMetricHistory(List.of(), empty);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("{\n  \"metrics\": []\n}", empty.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                  | empty document",
            "`{\"run\": `                        | malformed at line 1, column 9",
            "`[1]`                               | response should be an object, found [1]",
            "`{} {}`                             | malformed at line 1, column 4: Trailing token",
            "`{\"metrics\": [{\"key\": \"a\", \"value\": \"0x1p3\", \"timestamp\": 1}]}` | metrics[0].value should be a number, \"NaN\", \"Infinity\" or \"-Infinity\", found \"0x1p3\"",
            "`{}`                                | missing field 'run' in response",
            "`{\"run\": 3}`                      | response.run should be an object, found 3",
            "`{\"run\": {}}`                     | missing field 'info' in run",
            "`{\"run\": {\"info\": {\"run_id\": \"r\"}}}` | missing field 'status' in run.info",
            "`{\"run\": {\"info\": {\"run_id\": \"r\", \"status\": \"DONE\", \"lifecycle_stage\": \"active\", \"experiment_id\": \"0\"}}}` | run.info.status should be one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED, found \"DONE\"",
            "`{\"run\": {\"info\": {\"run_id\": \"r\", \"status\": \"RUNNING\", \"lifecycle_stage\": \"gone\", \"experiment_id\": \"0\"}}}` | run.info.lifecycle_stage should be \"active\" or \"deleted\", found \"gone\"",
            "`{\"run\": {\"info\": {\"run_id\": \"r\", \"status\": \"RUNNING\", \"lifecycle_stage\": \"active\", \"experiment_id\": \"0\", \"start_time\": \"noon\"}}}` | run.info.start_time should be an integer, found \"noon\"",
            "`{\"run\": {\"info\": {\"run_id\": \"r\", \"status\": \"RUNNING\", \"lifecycle_stage\": \"active\", \"experiment_id\": \"0\"}, \"data\": {\"tags\": [1]}}}` | run.data.tags[0] should be an object, found 1",
            "`{\"run\": {\"info\": {\"run_id\": \"r\", \"status\": \"RUNNING\", \"lifecycle_stage\": \"active\", \"experiment_id\": \"0\"}, \"data\": {\"metrics\": [{\"key\": \"a\", \"value\": \"abc\", \"timestamp\": 1}]}}}` | run.data.metrics[0].value should be a number, \"NaN\", \"Infinity\" or \"-Infinity\", found \"abc\"",
            "`{\"metrics\": [{\"key\": \"a\", \"value\": 1}]}` | missing field 'timestamp' in metrics[0]",
            "`{\"metrics\": {}}`                 | response.metrics should be an array, found {}",
            "`{\"experiment\": {\"experiment_id\": true}}` | experiment.experiment_id should be a string, found true"})
    void malformedJsonIsAOneLineErrorNamingTheField(String json, String expected) {
        JrunsException e = assertThrows(JrunsException.class, () -> {
            if (json.contains("\"experiment\"")) RestJson.readExperiment(json);
            else if (json.contains("\"metrics\"") && !json.contains("\"run\"")) RestJson.readMetricHistory(json);
            else RestJson.readRun(json);
        });
        String shown = e.getMessage();
        assertTrue(shown.startsWith("MLflow JSON: "), shown);
        assertTrue(shown.contains(expected), "message was: " + shown);
        assertEquals(1, shown.lines().count(), shown);
        assertEquals(JrunsException.Code.INVALID_PARAMETER_VALUE, e.code());
    }
}
