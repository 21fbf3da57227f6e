package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.RunStatus;
import io.jruns.domain.ViewType;
import io.jruns.json.RestJson;
import okhttp3.mockwebserver.MockResponse;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The fake's endpoints: what each takes and answers, as recorded from MLflow 2.12. */
final class FakeRoutes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> POST_ONLY = Set.of("runs/search", "runs/create", "runs/log-batch");

    private final FakeState st;
    final FakeSearch search;

    FakeRoutes(FakeState st) {
        this.st = st;
        this.search = new FakeSearch(st);
    }

    boolean knows(String endpoint) {
        return POST_ONLY.contains(endpoint);
    }

    /** The answer, or null for an unknown route or a wrong method. */
    JsonNode call(String method, String endpoint, JsonNode b) {
        if (method.equals("GET") && POST_ONLY.contains(endpoint)) return null;
        ObjectNode out = F.objectNode();
        switch (endpoint) {
            case "experiments/create" -> out.put("experiment_id",
                    st.createExperiment(text(b, "name"), b.path("artifact_location").asText(null), keyValues(b.path("tags"))));
            case "experiments/get" -> out.set("experiment", RestJson.experimentNode(st.experiment(text(b, "experiment_id")).toDomain()));
            case "experiments/get-by-name" -> {
                String name = text(b, "experiment_name");
                FakeState.Exp e = st.experiments.values().stream().filter(x -> x.name.equals(name)).findFirst()
                        .orElseThrow(() -> FakeError.missing("Could not find experiment with name '" + name + "'"));
                out.set("experiment", RestJson.experimentNode(e.toDomain()));
            }
            case "experiments/search" -> {
                ViewType v = ViewType.valueOf(b.path("view_type").asText("ACTIVE_ONLY"));
                ArrayNode a = out.putArray("experiments");
                st.experiments.values().stream().filter(e -> v.includes(e.stage))
                        .sorted(Comparator.comparingLong((FakeState.Exp e) -> -e.created).thenComparing(e -> -Long.parseLong(e.id)))
                        .forEach(e -> a.add(RestJson.experimentNode(e.toDomain())));
                if (a.isEmpty()) out.remove("experiments");
            }
            case "experiments/update" -> st.experiment(text(b, "experiment_id")).name = text(b, "new_name");
            case "experiments/delete" -> st.experiment(text(b, "experiment_id")).stage = LifecycleStage.DELETED;
            case "experiments/restore" -> st.experiment(text(b, "experiment_id")).stage = LifecycleStage.ACTIVE;
            case "experiments/set-experiment-tag" -> st.experiment(text(b, "experiment_id")).tags.put(text(b, "key"),
                    b.path("value").asText());
            case "runs/create" -> {
                FakeState.FRun r = st.createRun(text(b, "experiment_id"), b.path("user_id").asText(null),
                        b.path("run_name").asText(null), b.path("start_time").asLong(0), keyValues(b.path("tags")));
                out.set("run", RestJson.runNode(r.toDomain()));
                ((ObjectNode) out.get("run")).remove("inputs");
            }
            case "runs/get" -> out.set("run", st.withInputs(RestJson.runNode(st.run(text(b, "run_id")).toDomain())));
            case "runs/update" -> {
                FakeState.FRun r = st.run(text(b, "run_id"));
                if (b.hasNonNull("status")) r.status = RunStatus.valueOf(b.get("status").asText());
                if (b.hasNonNull("end_time")) r.end = b.get("end_time").asLong();
                if (b.hasNonNull("run_name")) {
                    r.name = b.get("run_name").asText();
                    r.tags.put("mlflow.runName", r.name);
                }
                out.set("run_info", RestJson.runInfoNode(r.toDomain().info()));
            }
            case "runs/delete" -> st.run(text(b, "run_id")).stage = LifecycleStage.DELETED;
            case "runs/restore" -> st.run(text(b, "run_id")).stage = LifecycleStage.ACTIVE;
            case "runs/search" -> {
                return search.search(b);
            }
            case "runs/log-batch" -> st.logBatch(text(b, "run_id"), b.path("metrics"), b.path("params"), b.path("tags"));
            case "runs/log-metric" -> st.logBatch(text(b, "run_id"), F.arrayNode().add(b), F.arrayNode(), F.arrayNode());
            case "runs/log-parameter" -> st.logBatch(text(b, "run_id"), F.arrayNode(), F.arrayNode().add(b), F.arrayNode());
            case "runs/set-tag" -> st.logBatch(text(b, "run_id"), F.arrayNode(), F.arrayNode(), F.arrayNode().add(b));
            case "runs/delete-tag" -> {
                FakeState.FRun r = st.activeRun(text(b, "run_id"));
                if (r.tags.remove(text(b, "key")) == null) {
                    throw FakeError.missing("No tag with name: " + text(b, "key") + " in run with id " + r.id);
                }
            }
            case "metrics/get-history" -> { // 2.12 ignores max_results and sends no page token (23-get-history-paged)
                List<Metric> h = st.run(text(b, "run_id")).metrics.getOrDefault(text(b, "metric_key"), List.of());
                ArrayNode a = out.putArray("metrics");
                h.forEach(m -> a.add(RestJson.metricNode(m)));
                if (a.isEmpty()) out.remove("metrics");
            }
            case "metrics/get-history-bulk-interval" -> bulkInterval(b, out);
            case "artifacts/list" -> listArtifacts(b, out);
            case "databricks/runs/delete-runs" -> out.put("runs_deleted", bulk(b, true));
            case "databricks/runs/restore-runs" -> out.put("runs_restored", bulk(b, false));
            default -> {
                return null;
            }
        }
        return out;
    }

    /** Requests of get-history-bulk-interval seen; tests set it false to play an older server (404). */
    int bulkCalls;
    boolean bulkInterval = true;

    /**
     * MLflow's sampling: the distinct steps of all the runs asked, when more than max_results,
     * thinned to max_results of them (first and last kept); every point at a kept step is sent,
     * each with its run_id (24-get-history-bulk). As MLflow's handler: without start_step and
     * end_step the range is 0 to the last step, so earlier points are left out.
     */
    private void bulkInterval(JsonNode b, ObjectNode out) {
        if (!bulkInterval) throw new FakeError(404, "ENDPOINT_NOT_FOUND", "not on this server");
        bulkCalls++;
        int max = b.path("max_results").asInt(320);
        String key = text(b, "metric_key");
        java.util.TreeSet<Long> steps = new java.util.TreeSet<>();
        List<String> ids = new java.util.ArrayList<>();
        b.path("run_ids").forEach(n -> ids.add(n.asText()));
        boolean ranged = b.hasNonNull("start_step") && b.hasNonNull("end_step");
        if (!ranged && (b.hasNonNull("start_step") || b.hasNonNull("end_step"))) {
            throw new FakeError(400, "INVALID_PARAMETER_VALUE", "If either start step or end step are specified, both must be specified.");
        }
        long from = ranged ? b.path("start_step").asLong() : 0, to = ranged ? b.path("end_step").asLong() : Long.MAX_VALUE;
        for (String id : ids) {
            st.run(id).metrics.getOrDefault(key, List.of()).stream().map(Metric::step)
                    .filter(s -> s >= from && s <= to).forEach(steps::add);
        }
        List<Long> all = new java.util.ArrayList<>(steps);
        java.util.Set<Long> kept = new java.util.HashSet<>(all);
        if (all.size() > max) {
            kept.clear();
            for (int i = 0; i < max; i++) kept.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (max - 1))));
        }
        ArrayNode a = out.putArray("metrics");
        for (String id : ids) {
            for (Metric m : st.run(id).metrics.getOrDefault(key, List.of())) {
                if (kept.contains(m.step())) a.add(RestJson.metricNode(m).put("run_id", id));
            }
        }
        if (a.isEmpty()) out.remove("metrics");
    }

    private int bulk(JsonNode b, boolean delete) {
        String exp = text(b, "experiment_id");
        int max = b.path("max_runs").asInt(10_000);
        long t = delete ? b.path("max_timestamp_millis").asLong() : b.path("min_timestamp_millis").asLong();
        int n = 0;
        for (FakeState.FRun r : st.runs.values()) {
            if (n >= max || !r.experimentId.equals(exp)) continue;
            if (delete && r.stage == LifecycleStage.ACTIVE && r.start <= t) {
                r.stage = LifecycleStage.DELETED;
                n++;
            } else if (!delete && r.stage == LifecycleStage.DELETED) {
                r.stage = LifecycleStage.ACTIVE;
                n++;
            }
        }
        return n;
    }

    private void listArtifacts(JsonNode b, ObjectNode out) {
        FakeState.FRun r = st.run(text(b, "run_id"));
        String root = r.experimentId + "/" + r.id + "/artifacts";
        String path = b.path("path").asText("");
        String prefix = root + "/" + (path.isEmpty() ? "" : path + "/");
        out.put("root_uri", "mlflow-artifacts:/" + root);
        Map<String, Long> entries = new LinkedHashMap<>();
        Set<String> dirs = new TreeSet<>();
        st.artifacts.forEach((k, v) -> {
            if (!k.startsWith(prefix)) return;
            String rest = k.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash >= 0) dirs.add(rest.substring(0, slash));
            else entries.put(rest, (long) v.length);
        });
        ArrayNode files = F.arrayNode();
        String base = path.isEmpty() ? "" : path + "/";
        dirs.forEach(d -> files.addObject().put("path", base + d).put("is_dir", true));
        entries.forEach((f, size) -> files.addObject().put("path", base + f).put("is_dir", false).put("file_size", size));
        if (!files.isEmpty()) out.set("files", files);
    }

    /** PUT and GET of the artifact proxy. */
    MockResponse artifact(FakeMlflow.Seen s, String encodedPath) {
        String key = encodedPath.substring("/api/2.0/mlflow-artifacts/artifacts/".length());
        key = java.net.URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (s.method().equals("PUT")) {
            st.artifacts.put(key, s.bytes());
            return new MockResponse().setHeader("Content-Type", "application/json").setBody("{}");
        }
        byte[] data = st.artifacts.get(key);
        if (data == null) return FakeMlflow.error(404, "RESOURCE_DOES_NOT_EXIST", "File not found: " + key);
        return new MockResponse().setHeader("Content-Type", "text/plain").setBody(new okio.Buffer().write(data));
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            throw FakeError.invalid("Missing value for required parameter '" + field + "'. See the API docs for more "
                    + "information about request parameters.");
        }
        if (!n.isTextual()) throw FakeError.invalid("Invalid value " + n + " for parameter '" + field + "' supplied.");
        return n.textValue();
    }

    private static Map<String, String> keyValues(JsonNode a) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode kv : a) m.put(kv.path("key").asText(), kv.path("value").asText());
        return m;
    }

}
