package io.jruns.model;

import io.jruns.internal.yaml.Yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A logged model's descriptor, the {@code MLmodel} file, with MLflow's keys: artifact_path,
 * flavors, model_size_bytes, model_uuid, run_id, saved_input_example_info, signature,
 * utc_time_created. jruns models carry a {@code java_function} flavor (the analogue of
 * MLflow's {@code python_function}) naming the {@link ModelFlavor} that loads them.
 *
 * @param modelSizeBytes null when unknown
 * @param signature      null when the model was logged without an input example
 */
public record MlModel(String artifactPath, String runId, String modelUuid, String utcTimeCreated, Long modelSizeBytes,
                      Map<String, Map<String, String>> flavors, ModelSignature signature, boolean hasInputExample) {
    public static final String FILE = "MLmodel";
    public static final String JAVA_FUNCTION = "java_function";

    public MlModel {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        flavors.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        flavors = java.util.Collections.unmodifiableMap(copy);
    }

    /** The java_function flavor: loader_class, data, model_class, java_version, env. */
    public Optional<Map<String, String>> javaFunction() {
        return Optional.ofNullable(flavors.get(JAVA_FUNCTION));
    }

    public String toYaml() {
        Map<String, Object> m = new TreeMap<>();
        m.put("artifact_path", artifactPath);
        Map<String, Object> fl = new TreeMap<>();
        flavors.forEach((k, v) -> fl.put(k, new TreeMap<>(v)));
        m.put("flavors", fl);
        if (modelSizeBytes != null) m.put("model_size_bytes", modelSizeBytes);
        m.put("model_uuid", modelUuid);
        m.put("run_id", runId);
        if (hasInputExample) {
            Map<String, Object> ex = new TreeMap<>();
            ex.put("artifact_path", InputExample.FILE);
            ex.put("pandas_orient", "split");
            ex.put("type", "dataframe");
            m.put("saved_input_example_info", ex);
        }
        if (signature != null) {
            Map<String, Object> s = new TreeMap<>();
            s.put("inputs", ModelSignature.toJson(signature.inputs()));
            s.put("outputs", ModelSignature.toJson(signature.outputs()));
            s.put("params", null);
            m.put("signature", s);
        }
        m.put("utc_time_created", utcTimeCreated);
        return Yaml.write(m);
    }

    /** Reads an MLmodel file, jruns' or MLflow's; {@code where} names it in errors. */
    public static MlModel parse(String yaml, String where) {
        Map<String, Object> m;
        try {
            m = Yaml.read(yaml);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        Map<String, Map<String, String>> flavors = new LinkedHashMap<>();
        if (m.get("flavors") instanceof Map<?, ?> fl) {
            fl.forEach((k, v) -> {
                Map<String, String> attrs = new LinkedHashMap<>();
                if (v instanceof Map<?, ?> vm) vm.forEach((a, b) -> attrs.put(String.valueOf(a), b == null ? null : String.valueOf(b)));
                attrs.values().removeIf(java.util.Objects::isNull);
                flavors.put(String.valueOf(k), attrs);
            });
        }
        ModelSignature signature = null;
        if (m.get("signature") instanceof Map<?, ?> s) {
            try {
                signature = new ModelSignature(ModelSignature.fromJson((String) s.get("inputs")),
                        ModelSignature.fromJson((String) s.get("outputs")));
            } catch (IllegalArgumentException e) {
                signature = null; // a tensor signature (a Python model): no columns to offer
            }
        }
        Long size = m.get("model_size_bytes") == null ? null : Long.valueOf(String.valueOf(m.get("model_size_bytes")));
        return new MlModel(text(m, "artifact_path"), text(m, "run_id"), text(m, "model_uuid"), text(m, "utc_time_created"),
                size, flavors, signature, m.get("saved_input_example_info") instanceof Map);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
