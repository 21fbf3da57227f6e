package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LogBatch;
import io.jruns.domain.Metric;
import io.jruns.domain.Param;
import io.jruns.domain.RunTag;
import io.jruns.domain.SystemTags;
import io.jruns.internal.validate.Validation;
import io.jruns.json.RestJson;
import io.jruns.store.LongValues;
import io.jruns.store.Store;

import java.util.ArrayList;
import java.util.List;

/**
 * runs/log-batch, log-metric, log-parameter, set-tag, delete-tag and log-inputs. A request is
 * checked whole against MLflow's limits before anything is written, and refused whole: clients
 * (jruns's REST store among them) split a refused batch to find the bad value and send the rest
 * again, so a half-written batch would log its metric points twice.
 */
final class LogEndpoints {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTITIES = 1000;

    private LogEndpoints() {
    }

    static void install(MlflowApi.Endpoints e, Store store) {
        e.post("runs/log-batch", c -> {
            List<Metric> metrics = new ArrayList<>();
            List<JsonNode> m = c.objects("metrics");
            List<JsonNode> p = c.objects("params");
            List<JsonNode> t = c.objects("tags");
            limit(m.size(), MAX_METRICS, "metrics");
            limit(p.size(), MAX_PARAMS, "params");
            limit(t.size(), MAX_TAGS, "tags");
            if (m.size() + p.size() + t.size() > MAX_ENTITIES) {
                throw JrunsException.invalid("A batch logging request can contain at most " + MAX_ENTITIES
                        + " total metrics, params, and tags. Got " + (m.size() + p.size() + t.size())
                        + ". Please split up metrics across multiple requests and try again.");
            }
            for (int i = 0; i < m.size(); i++) metrics.add(metric(m.get(i), "metrics[" + i + "]"));
            List<Param> params = new ArrayList<>();
            for (JsonNode n : p) params.add(param(n.path("key").asText(null), text(n.get("value"))));
            List<RunTag> tags = new ArrayList<>();
            for (JsonNode n : t) tags.add(tag(n.path("key").asText(null), text(n.get("value"))));
            write(store, RunEndpoints.runId(c), metrics, params, tags);
            return Wire.empty();
        });
        e.post("runs/log-metric", c -> {
            write(store, RunEndpoints.runId(c), List.of(metric(c.body(), "request")), List.of(), List.of());
            return Wire.empty();
        });
        e.post("runs/log-parameter", c -> {
            write(store, RunEndpoints.runId(c), List.of(), List.of(param(c.string("key"), c.optString("value"))), List.of());
            return Wire.empty();
        });
        e.post("runs/set-tag", c -> {
            write(store, RunEndpoints.runId(c), List.of(), List.of(), List.of(tag(c.string("key"), c.optString("value"))));
            return Wire.empty();
        });
        e.post("runs/delete-tag", c -> {
            String id = RunEndpoints.runId(c);
            String key = c.string("key");
            Validation.key("tag", key);
            RunEndpoints.require(store, id);
            // the store keeps a deletion time of its own; the REST store's tag for it is not stored
            if (!key.equals(SystemTags.DELETED_TIME)) store.deleteTag(id, key);
            return Wire.empty();
        });
        // Datasets are not recorded by jruns: the call is accepted (so mlflow.log_input does not fail) and ignored.
        e.post("runs/log-inputs", c -> {
            RunEndpoints.require(store, RunEndpoints.runId(c));
            return Wire.empty();
        });
    }

    /**
     * Params and tags first (writing them again is harmless), then the metric points: so a
     * refusal of either leaves no metric point written. A changed run name follows its tag.
     */
    static void write(Store store, String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        List<RunTag> kept = new ArrayList<>();
        String newName = null;
        for (RunTag t : tags) {
            if (t.key().equals(SystemTags.DELETED_TIME)) continue; // the store keeps its own deletion time
            if (t.key().equals(SystemTags.RUN_NAME)) newName = t.value();
            kept.add(t);
        }
        if (!params.isEmpty() || !kept.isEmpty()) check(store.logBatches(List.of(new LogBatch(runId, List.of(), params, kept))));
        if (newName != null && !newName.isEmpty()) store.updateRun(runId, null, null, newName);
        if (!metrics.isEmpty()) check(store.logBatches(List.of(new LogBatch(runId, metrics, List.of(), List.of()))));
        if (metrics.isEmpty() && params.isEmpty() && kept.isEmpty()) RunEndpoints.require(store, runId);
    }

    private static void check(List<JrunsException> problems) {
        if (!problems.isEmpty()) throw problems.get(0);
    }

    private static void limit(int n, int max, String what) {
        if (n > max) {
            throw JrunsException.invalid("A batch logging request can contain at most " + max + " " + what + ". Got " + n
                    + " " + what + ". Please split up " + what + " across multiple requests and try again.");
        }
    }

    /** A metric point: a number or "NaN"/"Infinity"/"-Infinity", a timestamp (required), a step (0 when absent). */
    private static Metric metric(JsonNode n, String path) {
        if (!n.hasNonNull("timestamp")) throw ApiCall.missing("timestamp");
        JsonNode v = n.get("value");
        if (v != null && v.isBoolean()) throw JrunsException.invalid("Invalid value " + v + " for metric value: expected a number");
        Metric m = RestJson.metric(n, path);
        Validation.key("metric", m.key());
        Validation.timestamp(m.timestamp());
        return m;
    }

    private static Param param(String key, String value) {
        Validation.key("param", key);
        if (value == null) throw ApiCall.missing("value");
        return new Param(key, Validation.paramValue(key, value, LongValues.fromEnvironment()));
    }

    private static RunTag tag(String key, String value) {
        Validation.key("tag", key);
        return new RunTag(key, Validation.tagValue(key, value == null ? "" : value, LongValues.fromEnvironment()));
    }

    /** A param or tag value; MLflow's clients send strings, a bare number is taken as its text. */
    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }
}
