package io.jruns.transfer;

import io.jruns.domain.JrunsException;
import io.jruns.domain.LifecycleStage;
import io.jruns.internal.yaml.Yaml;

import java.nio.file.Path;
import java.util.Map;

/** A meta.yaml of MLflow's file store (an experiment's or a run's), read field by field. */
record MlrunsMeta(Path file, Map<String, Object> values) {

    static MlrunsMeta read(Path file) {
        try {
            return new MlrunsMeta(file, Yaml.read(MlrunsFiles.text(file)));
        } catch (IllegalArgumentException e) {
            throw JrunsException.invalid(file + ": " + e.getMessage());
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    String string(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString();
    }

    long number(String key, long dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Long l) return l;
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw JrunsException.invalid(file + ": " + key + " should be a whole number, found '" + v + "'");
        }
    }

    LifecycleStage stage() {
        Object v = values.get("lifecycle_stage");
        return v == null ? LifecycleStage.ACTIVE : LifecycleStage.fromWire(v.toString());
    }
}
