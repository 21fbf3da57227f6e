package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.json.RestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Splitting logged values into log-batch requests within MLflow's limits, order kept. */
class OutboxTest {

    private static List<JsonNode> split(List<LogBatch> batches) {
        Outbox o = new Outbox(LogLimits.MLFLOW);
        assertEquals(List.of(), o.add(batches, 0));
        List<JsonNode> out = new ArrayList<>();
        for (LogChunk c : o.takeReady(true, 0, 1)) {
            byte[] json = c.json();
            assertTrue(json.length <= 1_000_000, "body " + json.length);
            out.add(RestJson.parse(new String(json, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** metrics, params, tags, value length -> requests, and the largest of each kind in one request. */
    @ParameterizedTest(name = "{0} metrics, {1} params, {2} tags, values of {3} chars -> {4} requests")
    @CsvSource({
            "1000, 0, 0, 1, 1", "1001, 0, 0, 1, 2", "100000, 0, 0, 1, 100",
            "0, 100, 0, 1, 1", "0, 101, 0, 1, 2", "0, 0, 100, 1, 1", "0, 0, 250, 1, 3",
            "950, 60, 0, 1, 2", "900, 100, 100, 1, 2",
            "0, 100, 0, 6000, 1", "0, 0, 100, 8000, 1", "0, 0, 300, 8000, 3",
            "0, 0, 100, 11000, 2"})
    void withinTheLimits(int metrics, int params, int tags, int valueLength, int requests) {
        String value = "v".repeat(valueLength);
        List<Metric> m = new ArrayList<>();
        for (int i = 0; i < metrics; i++) m.add(new Metric("loss", i, 1, i));
        List<Param> p = new ArrayList<>();
        for (int i = 0; i < params; i++) p.add(new Param("p" + i, value));
        List<RunTag> t = new ArrayList<>();
        for (int i = 0; i < tags; i++) t.add(new RunTag("t" + i, value));
        List<JsonNode> bodies = split(List.of(new LogBatch("r", m, p, t)));
        assertEquals(requests, bodies.size());
        int ms = 0;
        int ps = 0;
        int ts = 0;
        double last = -1;
        for (JsonNode b : bodies) {
            int bm = b.path("metrics").size(), bp = b.path("params").size(), bt = b.path("tags").size();
            assertTrue(bm <= 1000 && bp <= 100 && bt <= 100 && bm + bp + bt <= 1000, b.toString().length() + " chars");
            assertEquals("r", b.get("run_id").asText());
            for (JsonNode x : b.path("metrics")) {
                assertTrue(x.get("value").asDouble() > last, "in order");
                last = x.get("value").asDouble();
            }
            ms += bm;
            ps += bp;
            ts += bt;
        }
        assertEquals(List.of(metrics, params, tags), List.of(ms, ps, ts), "nothing lost");
    }

    @Test
    void aRepeatedTagKeepsItsLastValueAndAChangedParamGoesToTheNextRequest() {
        List<JsonNode> bodies = split(List.of(
                new LogBatch("r", List.of(), List.of(new Param("p", "1"), new Param("p", "1")),
                        List.of(new RunTag("t", "a"), new RunTag("u", "x"), new RunTag("t", "b"))),
                new LogBatch("r", List.of(), List.of(new Param("p", "2")), List.of())));
        assertEquals(2, bodies.size(), "the conflicting param reaches the server, which refuses it");
        assertEquals("[{\"key\":\"p\",\"value\":\"1\"}]", bodies.get(0).get("params").toString());
        assertEquals("[{\"key\":\"u\",\"value\":\"x\"},{\"key\":\"t\",\"value\":\"b\"}]", bodies.get(0).get("tags").toString());
        assertEquals("2", bodies.get(1).get("params").get(0).get("value").asText());
    }

    @Test
    void escapedAndMultiByteTextIsCountedAsItIsSent() {
        String key = "k\"\\\u0001é漢\uD83D\uDE00";
        assertEquals(RestJson.compact(com.fasterxml.jackson.databind.node.TextNode.valueOf(key))
                .getBytes(StandardCharsets.UTF_8).length, LogChunk.jsonSize(key));
        String big = "é".repeat(8000); // 16,000 bytes per tag value
        List<RunTag> t = new ArrayList<>();
        for (int i = 0; i < 100; i++) t.add(new RunTag("t" + i, big));
        assertEquals(2, split(List.of(new LogBatch("r", List.of(), List.of(), t))).size(), "1.6 MB in two requests");
    }

    @Test
    void nanAndInfinitiesTravelAsStrings() {
        JsonNode b = split(List.of(new LogBatch("r", List.of(new Metric("m", Double.NaN, 1, 0),
                new Metric("m", Double.NEGATIVE_INFINITY, 1, 1), new Metric("m", 0.1, 2, 2)), List.of(), List.of()))).get(0);
        assertEquals("{\"key\":\"m\",\"value\":\"NaN\",\"timestamp\":1,\"step\":0}", b.get("metrics").get(0).toString());
        assertEquals("-Infinity", b.get("metrics").get(1).get("value").asText());
        assertEquals(0.1, b.get("metrics").get(2).get("value").asDouble());
    }

    @Test
    void openRequestsWaitForMoreUntilTheyLinger() {
        Outbox o = new Outbox(LogLimits.MLFLOW);
        List<Metric> m = new ArrayList<>();
        for (int i = 0; i < 1500; i++) m.add(new Metric("m", i, 1, i));
        o.add(List.of(new LogBatch("a", m, List.of(), List.of()), new LogBatch("b", m.subList(0, 10), List.of(), List.of())), 0);
        assertEquals(List.of(1000), o.takeReady(false, 10, 100).stream().map(LogChunk::metricCount).toList());
        o.add(List.of(new LogBatch("a", m.subList(0, 500), List.of(), List.of())), 50);
        assertEquals(List.of(1000), o.takeReady(false, 60, 100).stream().map(LogChunk::metricCount).toList());
        assertEquals(List.of(10), o.takeReady(false, 120, 100).stream().map(LogChunk::metricCount).toList(), "b idle");
        o.add(List.of(new LogBatch("a", m.subList(0, 1), List.of(), List.of())), 130);
        assertEquals(List.of(1), o.takeReady(true, 131, 100).stream().map(LogChunk::metricCount).toList());
        assertTrue(o.isEmpty());
    }
}
