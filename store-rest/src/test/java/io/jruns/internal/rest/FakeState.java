package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The fake server's data, with the rules a real MLflow 2.12 server (SQL backend) applies, as
 * the recordings in ../shared/mlflow-wire show them: ids are strings, runs/create leaves
 * start_time 0 unless sent, params are immutable, deleted runs refuse values, ±Infinity is
 * stored as ±Double.MAX_VALUE, over-long values are cut, and (SQL store) a metric point equal
 * in key, value, timestamp and step to one already logged is not stored twice.
 */
final class FakeState {
    static final class Exp {
        String id;
        String name;
        String artifactLocation;
        LifecycleStage stage = LifecycleStage.ACTIVE;
        long created;
        long updated;
        final Map<String, String> tags = new LinkedHashMap<>();

        Experiment toDomain() {
            return new Experiment(id, name, artifactLocation, stage, created, updated, tags);
        }
    }

    static final class FRun {
        String id;
        String experimentId;
        String name;
        String user = "";
        RunStatus status = RunStatus.RUNNING;
        long start;
        Long end;
        LifecycleStage stage = LifecycleStage.ACTIVE;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, List<Metric>> metrics = new LinkedHashMap<>();
        /** MLflow's run.inputs (dataset inputs) as the server would send them; null for none. */
        com.fasterxml.jackson.databind.JsonNode inputs;
        /** The SQL store's primary key per metric: (key, timestamp, step, value). */
        final java.util.Set<Metric> stored = new java.util.HashSet<>();

        Run toDomain() {
            Map<String, MetricSummary> latest = new TreeMap<>();
            metrics.forEach((k, h) -> {
                MetricSummary s = null;
                for (Metric m : h) s = s == null ? MetricSummary.of(m) : s.plus(m);
                latest.put(k, s);
            });
            RunInfo info = new RunInfo(id, experimentId, name, user, status, start, end, stage, null,
                    "mlflow-artifacts:/" + experimentId + "/" + id + "/artifacts");
            return new Run(info, new RunData(latest, params, tags));
        }
    }

    private static final Pattern KEY = Pattern.compile("^[/\\w.\\- ]*$");
    private static final Pattern JRUNS_KEY = Pattern.compile("^[/\\w.\\- :]*$");

    final Map<String, Exp> experiments = new LinkedHashMap<>();
    final Map<String, FRun> runs = new LinkedHashMap<>();
    /** Artifact bytes by proxy path (exp/run/artifacts/...). */
    final Map<String, byte[]> artifacts = new TreeMap<>();
    volatile boolean dedupeMetrics = true;
    /** Where run tag values are cut, silently: 5000 in MLflow 2.12, 8000 since 2.17. */
    volatile int tagValueLimit = 5000;
    /** Keeps what jruns ui keeps: ':' in names, infinities as such (set with {@link FakeMlflow#playJrunsUi}). */
    volatile boolean jruns;
    private int nextExperiment = 1;

    FakeState() {
        Exp d = new Exp();
        d.id = "0";
        d.name = "Default";
        d.artifactLocation = "mlflow-artifacts:/0";
        experiments.put("0", d);
    }

    Exp experiment(String id) {
        Exp e = experiments.get(id);
        if (e == null) throw FakeError.missing("No Experiment with id=" + id + " exists");
        return e;
    }

    String createExperiment(String name, String location, Map<String, String> tags) {
        for (Exp e : experiments.values()) {
            if (e.name.equals(name)) {
                throw new FakeError(400, "RESOURCE_ALREADY_EXISTS", "Experiment(name=" + name + ") already exists. "
                        + "Error: (raised as a result of Query-invoked autoflush)\n(sqlite3.IntegrityError) UNIQUE");
            }
        }
        Exp e = new Exp();
        e.id = Integer.toString(nextExperiment++);
        e.name = name;
        e.artifactLocation = location != null ? location : "mlflow-artifacts:/" + e.id;
        e.created = e.updated = System.currentTimeMillis();
        e.tags.putAll(tags);
        experiments.put(e.id, e);
        return e.id;
    }

    /** A run node with its inputs as the server keeps them (jruns' own node has none). */
    com.fasterxml.jackson.databind.node.ObjectNode withInputs(com.fasterxml.jackson.databind.node.ObjectNode runNode) {
        FRun r = runs.get(runNode.path("info").path("run_id").asText());
        if (r != null && r.inputs != null) runNode.set("inputs", r.inputs);
        return runNode;
    }

    FRun run(String id) {
        FRun r = runs.get(id);
        if (r == null) throw FakeError.missing("Run with id=" + id + " not found");
        return r;
    }

    FRun activeRun(String id) {
        FRun r = run(id);
        if (r.stage != LifecycleStage.ACTIVE) {
            throw FakeError.invalid("The run " + id + " must be in the 'active' state. Current state is deleted.");
        }
        return r;
    }

    FRun createRun(String experimentId, String user, String name, long start, Map<String, String> tags) {
        experiment(experimentId);
        FRun r = new FRun();
        r.id = UUID.randomUUID().toString().replace("-", "");
        r.experimentId = experimentId;
        r.user = user == null ? "" : user;
        r.start = start;
        r.tags.putAll(tags);
        r.name = name != null ? name : tags.getOrDefault("mlflow.runName", "fake-run-" + runs.size());
        r.tags.put("mlflow.runName", r.name);
        runs.put(r.id, r);
        return r;
    }

    /** runs/log-batch and the single-value calls: the real server's checks, in its order. */
    void logBatch(String runId, JsonNode metrics, JsonNode params, JsonNode tags) {
        if (metrics.size() > 1000) {
            throw FakeError.invalid("A batch logging request can contain at most 1000 metrics. Got " + metrics.size()
                    + " metrics. Please split up metrics across multiple requests and try again.");
        }
        if (params.size() > 100) throw FakeError.invalid("A batch logging request can contain at most 100 params. Got "
                + params.size() + " params. Please split up params across multiple requests and try again.");
        if (tags.size() > 100) throw FakeError.invalid("A batch logging request can contain at most 100 tags. Got "
                + tags.size() + " tags. Please split up tags across multiple requests and try again.");
        if (metrics.size() + params.size() + tags.size() > 1000) {
            throw FakeError.invalid("A batch logging request can contain at most 1000 total metrics, params and tags.");
        }
        FRun r = activeRun(runId);
        Map<String, String> seen = new LinkedHashMap<>();
        for (JsonNode p : params) {
            String key = key("parameter", p), value = p.path("value").asText();
            if (seen.containsKey(key)) {
                throw FakeError.invalid("Duplicate parameter keys have been submitted: ['" + key + "'].");
            }
            seen.put(key, value);
            String old = r.params.get(key);
            if (old != null && !old.equals(cut(value, 6000))) {
                throw FakeError.invalid("Changing param values is not allowed. Param with key='" + key
                        + "' was already logged with value='" + old + "' for run ID='" + runId
                        + "'. Attempted logging new value '" + value + "'.");
            }
        }
        List<Metric> points = new ArrayList<>();
        for (JsonNode m : metrics) points.add(metric(m));
        if (dedupeMetrics) uniqueConstraint(r, points);
        seen.forEach((k, v) -> r.params.put(k, cut(v, 6000)));
        for (Metric m : points) {
            List<Metric> h = r.metrics.computeIfAbsent(m.key(), k -> new ArrayList<>());
            if (!r.stored.add(m) && dedupeMetrics) continue; // the SQL store's primary key
            h.add(m);
        }
        for (JsonNode t : tags) {
            String key = key("tag", t), value = cut(t.path("value").asText(), tagValueLimit);
            r.tags.put(key, value);
            if (key.equals("mlflow.runName")) r.name = value;
        }
    }

    /**
     * MLflow 2.12's SQL store: duplicates within a batch are dropped by Python equality (NaN
     * equals nothing) and stored duplicates by a second look after an IntegrityError, where NaN
     * again matches nothing; so two NaN points of one key, step and time, in one batch or one
     * stored and one sent, break the primary key and fail the whole batch with a 500.
     */
    private static void uniqueConstraint(FRun r, List<Metric> points) {
        java.util.Set<Metric> batch = new java.util.HashSet<>();
        for (Metric m : points) {
            if (!Double.isNaN(m.value())) continue;
            if (!batch.add(m) || r.stored.contains(m)) {
                throw new FakeError(500, "INTERNAL_ERROR", "(sqlite3.IntegrityError) UNIQUE constraint failed: "
                        + "metrics.key, metrics.timestamp, metrics.step, metrics.run_uuid, metrics.value, metrics.is_nan\n"
                        + "[SQL: INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?)]\n"
                        + "[parameters: ('" + m.key() + "', 0.0, " + m.timestamp() + ", " + m.step() + ", 1, '" + r.id + "')]\n"
                        + "(Background on this error at: https://sqlalche.me/e/20/gkpj)");
            }
        }
    }

    private Metric metric(JsonNode m) {
        String key = key("metric", m);
        if (!m.hasNonNull("timestamp")) {
            throw FakeError.invalid("Missing value for required parameter 'timestamp'. See the API docs for more "
                    + "information about request parameters.");
        }
        JsonNode v = m.get("value");
        double value;
        if (v == null || v.isNull()) throw FakeError.invalid("Missing value for required parameter 'value'.");
        if (v.isNumber()) value = v.doubleValue();
        else if (v.isTextual()) {
            value = switch (v.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v.textValue());
            };
        } else throw FakeError.invalid("Invalid value " + v + " for parameter 'value' supplied.");
        if (value == Double.POSITIVE_INFINITY && !jruns) value = Double.MAX_VALUE; // what the SQL store keeps
        if (value == Double.NEGATIVE_INFINITY && !jruns) value = -Double.MAX_VALUE;
        return new Metric(key, value, m.get("timestamp").asLong(), m.path("step").asLong(0));
    }

    private String key(String what, JsonNode n) {
        String key = n.path("key").asText();
        if (!(jruns ? JRUNS_KEY : KEY).matcher(key).matches()) {
            throw FakeError.invalid("Invalid " + what + " name: '" + key + "'. Names may only contain alphanumerics, "
                    + "underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).");
        }
        if (key.startsWith("/") || key.startsWith("..") || key.contains("/../")) {
            throw FakeError.invalid("Invalid " + what + " name: '" + key + "'. Names may be treated as files in "
                    + "certain cases, and must not resolve to other names when treated as such.");
        }
        return key;
    }

    private static String cut(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max);
    }
}
