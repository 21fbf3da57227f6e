package io.jruns.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What MLflow runs read from the server hold that jruns' runs do not: dataset inputs
 * ({@code inputs.dataset_inputs}) and, from MLflow 3, model inputs and outputs. Remembered by
 * run id as runs are read, so a copy can say what it left out instead of dropping it silently.
 */
final class NotCarried {
    private final Map<String, String> byRun = new ConcurrentHashMap<>();

    void note(JsonNode run) {
        String runId = run.path("info").path("run_id").asText(run.path("info").path("run_uuid").asText(""));
        if (runId.isEmpty()) return;
        String what = describe(run);
        if (what == null) byRun.remove(runId);
        else byRun.put(runId, what);
    }

    Optional<String> of(String runId) {
        return Optional.ofNullable(byRun.get(runId));
    }

    static String describe(JsonNode run) {
        int datasets = run.path("inputs").path("dataset_inputs").size();
        int modelInputs = run.path("inputs").path("model_inputs").size();
        int modelOutputs = run.path("outputs").path("model_outputs").size();
        StringBuilder b = new StringBuilder();
        add(b, datasets, "dataset input");
        add(b, modelInputs, "model input");
        add(b, modelOutputs, "model output");
        return b.isEmpty() ? null : b + " (MLflow's, which jruns does not keep)";
    }

    private static void add(StringBuilder b, int n, String what) {
        if (n == 0) return;
        if (!b.isEmpty()) b.append(", ");
        b.append(n).append(' ').append(what).append(n == 1 ? "" : "s");
    }
}
