package io.jruns;

import java.util.LinkedHashMap;
import java.util.Map;

/** How to start a run: {@code RunOptions.builder().name("rf").nested(true).tag("team", "a").build()}. */
public record RunOptions(String name, boolean nested, Map<String, String> tags, String note, String experimentName) {

    public RunOptions {
        tags = Map.copyOf(tags);
    }

    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private boolean nested;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String note;
        private String experimentName;

        private Builder() {
        }

        /** The run name (tag {@code mlflow.runName}); a readable one is generated when unset. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Start under the active run (tag {@code mlflow.parentRunId}) instead of refusing. */
        public Builder nested(boolean nested) {
            this.nested = nested;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> more) {
            tags.putAll(more);
            return this;
        }

        /** The run's description (tag {@code mlflow.note.content}, markdown). */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** Log to this experiment (created if missing) instead of the active one. */
        public Builder experiment(String experimentName) {
            this.experimentName = experimentName;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(name, nested, tags, note, experimentName);
        }
    }
}
