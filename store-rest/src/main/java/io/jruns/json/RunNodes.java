package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Metric;
import io.jruns.domain.MetricSummary;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.RunStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run as MLflow's REST API shows it: {@code {info, data, inputs}}. */
final class RunNodes {
    private RunNodes() {
    }

    static ObjectNode run(Run run) {
        ObjectNode n = Nodes.F.objectNode();
        n.set("info", info(run.info()));
        n.set("data", data(run.data()));
        n.putObject("inputs"); // dataset inputs: jruns records none; runs/get always sends the object
        return n;
    }

    /** Field order as an MLflow 2.12 server writes it; {@code end_time} only once the run ended. */
    static ObjectNode info(RunInfo i) {
        ObjectNode n = Nodes.F.objectNode();
        n.put("run_uuid", i.runId());
        n.put("experiment_id", i.experimentId());
        if (i.runName() != null) n.put("run_name", i.runName());
        if (i.userId() != null) n.put("user_id", i.userId());
        n.put("status", i.status().name());
        n.put("start_time", i.startTime());
        if (i.endTime() != null) n.put("end_time", i.endTime());
        if (i.artifactUri() != null) n.put("artifact_uri", i.artifactUri());
        n.put("lifecycle_stage", i.lifecycleStage().wire());
        n.put("run_id", i.runId());
        return n;
    }

    /** Metrics at their latest value (MLflow's run.data shows no history). */
    static ObjectNode data(RunData d) {
        ObjectNode n = Nodes.F.objectNode();
        Nodes.putNonEmpty(n, "metrics",
                Nodes.metrics(d.metrics().values().stream().map(MetricSummary::latestMetric).toList()));
        Nodes.putNonEmpty(n, "params", Nodes.keyValues(d.params()));
        Nodes.putNonEmpty(n, "tags", Nodes.keyValues(d.tags()));
        return n;
    }

    static Run run(JsonNode n, String path) {
        RunInfo info = info(Fields.object(n, "info", path), path + ".info");
        JsonNode data = n.get("data");
        if (data == null || data.isNull()) return new Run(info, new RunData(Map.of(), Map.of(), Map.of()));
        if (!data.isObject()) throw Fields.bad(path + ".data", "an object", data);
        return new Run(info, data(data, path + ".data"));
    }

    static RunInfo info(JsonNode n, String path) {
        String runId = Fields.optionalString(n, "run_id", path);
        if (runId == null) runId = Fields.string(n, "run_uuid", path);
        String status = Fields.string(n, "status", path);
        String stage = Fields.string(n, "lifecycle_stage", path);
        Long start = Fields.optionalInteger(n, "start_time", path);
        return new RunInfo(runId,
                Nodes.id(n, "experiment_id", path),
                Fields.optionalString(n, "run_name", path),
                Fields.optionalString(n, "user_id", path),
                status(status, path + ".status"),
                start == null ? 0 : start,
                Fields.optionalInteger(n, "end_time", path),
                stage(stage, path + ".lifecycle_stage"),
                null, // MLflow's RunInfo carries no deleted time
                Fields.optionalString(n, "artifact_uri", path));
    }

    /**
     * The wire carries only each metric's latest point, so min and max are that point's value
     * and the count is 1; read the history for the rest.
     */
    static RunData data(JsonNode n, String path) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        List<Metric> latest = Fields.list(n, "metrics", path, Nodes::metric);
        latest.forEach(m -> metrics.put(m.key(), MetricSummary.of(m)));
        return new RunData(metrics, Nodes.keyValues(n, "params", path), Nodes.keyValues(n, "tags", path));
    }

    static RunStatus status(String s, String path) {
        try {
            return RunStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw JrunsException.invalid("MLflow JSON: " + path + " should be one of RUNNING, SCHEDULED, "
                    + "FINISHED, FAILED, KILLED, found \"" + s + "\"");
        }
    }

    static LifecycleStage stage(String s, String path) {
        for (LifecycleStage st : LifecycleStage.values()) {
            if (st.wire().equals(s)) return st;
        }
        throw JrunsException.invalid("MLflow JSON: " + path + " should be \"active\" or \"deleted\", found \"" + s + "\"");
    }
}
