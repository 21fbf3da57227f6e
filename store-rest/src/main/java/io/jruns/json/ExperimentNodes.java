package io.jruns.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jruns.domain.Experiment;

/** An experiment as MLflow's REST API shows it. */
final class ExperimentNodes {
    private ExperimentNodes() {
    }

    /** Field order as an MLflow 2.12 server writes it; no {@code tags} field when there are none. */
    static ObjectNode experiment(Experiment e) {
        ObjectNode n = Nodes.F.objectNode();
        n.put("experiment_id", e.experimentId());
        n.put("name", e.name());
        if (e.artifactLocation() != null) n.put("artifact_location", e.artifactLocation());
        n.put("lifecycle_stage", e.lifecycleStage().wire());
        n.put("last_update_time", e.lastUpdateTime());
        n.put("creation_time", e.creationTime());
        Nodes.putNonEmpty(n, "tags", Nodes.keyValues(new java.util.TreeMap<>(e.tags())));
        return n;
    }

    static Experiment experiment(JsonNode n, String path) {
        Long created = Fields.optionalInteger(n, "creation_time", path);
        Long updated = Fields.optionalInteger(n, "last_update_time", path);
        return new Experiment(
                Nodes.id(n, "experiment_id", path),
                Fields.string(n, "name", path),
                Fields.optionalString(n, "artifact_location", path),
                RunNodes.stage(Fields.string(n, "lifecycle_stage", path), path + ".lifecycle_stage"),
                created == null ? 0 : created,
                updated == null ? 0 : updated,
                Nodes.keyValues(n, "tags", path));
    }
}
