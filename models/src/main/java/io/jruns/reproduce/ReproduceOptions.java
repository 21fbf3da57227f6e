package io.jruns.reproduce;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to reproduce a run: where the clone goes (null: {@code Reproduced/<run>/} beside the
 * notebook when under the working folder, else in it), whether to restore its environment and libraries, where progress lines go.
 */
public record ReproduceOptions(Path to, boolean environment, boolean libraries, Consumer<String> progress) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path to;
        private boolean environment = true;
        private boolean libraries = true;
        private Consumer<String> progress = line -> { };

        public Builder to(Path folder) {
            this.to = folder;
            return this;
        }

        /** False: clone only the notebook (no environment.json, no set-up cell, kernel left as it is). */
        public Builder environment(boolean on) {
            this.environment = on;
            return this;
        }

        /** False: the set-up cell does not re-add the run's libraries. */
        public Builder libraries(boolean on) {
            this.libraries = on;
            return this;
        }

        public Builder progress(Consumer<String> sink) {
            this.progress = sink;
            return this;
        }

        public ReproduceOptions build() {
            return new ReproduceOptions(to, environment, libraries, progress);
        }
    }
}
