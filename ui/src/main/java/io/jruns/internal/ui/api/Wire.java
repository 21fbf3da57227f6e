package io.jruns.internal.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Experiment;
import io.jruns.domain.LifecycleStage;
import io.jruns.domain.Run;
import io.jruns.domain.RunData;
import io.jruns.domain.RunInfo;
import io.jruns.domain.SystemTags;
import io.jruns.internal.ui.http.Response;
import io.jruns.json.RestJson;

import java.util.TreeMap;

/**
 * Runs and experiments as this server shows them: MLflow's shapes ({@link RestJson}), with
 * artifacts reached through this server's artifact proxy ({@code mlflow-artifacts:/EXP/RUN/artifacts},
 * as {@code mlflow server --serve-artifacts} answers) rather than as a folder on this machine, and
 * a deleted run's deletion time in the tag the jruns REST store reads it from.
 */
final class Wire {
    static final String PROXY = "mlflow-artifacts:/";
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Wire() {
    }

    static String artifactUri(String experimentId, String runId) {
        return PROXY + experimentId + "/" + runId + "/artifacts";
    }

    static Run shown(Run r) {
        RunInfo i = r.info();
        RunInfo info = shown(i);
        RunData d = r.data();
        if (i.lifecycleStage() != LifecycleStage.DELETED || i.deletedTime() == null) return new Run(info, d);
        TreeMap<String, String> tags = new TreeMap<>(d.tags());
        tags.put(SystemTags.DELETED_TIME, Long.toString(i.deletedTime()));
        return new Run(info, new RunData(d.metrics(), d.params(), tags));
    }

    /** With this server's artifact URI, and user_id "" for none, as MLflow always sends the field (10-run-create2). */
    static RunInfo shown(RunInfo i) {
        return new RunInfo(i.runId(), i.experimentId(), i.runName(), i.userId() == null ? "" : i.userId(), i.status(), i.startTime(),
                i.endTime(), i.lifecycleStage(), i.deletedTime(), artifactUri(i.experimentId(), i.runId()));
    }

    static Experiment shown(Experiment e) {
        return new Experiment(e.experimentId(), e.name(), PROXY + e.experimentId(), e.lifecycleStage(), e.creationTime(),
                e.lastUpdateTime(), e.tags());
    }

    static ObjectNode runNode(Run r) {
        return RestJson.runNode(shown(r));
    }

    static ObjectNode experimentNode(Experiment e) {
        return RestJson.experimentNode(shown(e));
    }

    /** 200 with MLflow's layout (two-space indent); {@code {}} for the calls that answer nothing. */
    static Response ok(JsonNode node) {
        return Response.json(200, RestJson.pretty(node));
    }

    static Response empty() {
        return Response.json(200, "{}");
    }

    static ObjectNode object() {
        return F.objectNode();
    }
}
