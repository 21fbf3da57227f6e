package io.jruns.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a kernel is set up; {@link #defaults()} is what {@link KernelMain} uses. */
public final class KernelOptions {
    private final Map<String, String> environment;
    private final Path workingDir;
    private final boolean loadExtensions;
    private final List<String> startupSnippets;

    private KernelOptions(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.workingDir = b.workingDir.toAbsolutePath().normalize();
        this.loadExtensions = b.loadExtensions;
        this.startupSnippets = List.copyOf(b.startupSnippets);
    }

    public static KernelOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Environment the notebook identity is read from. */
    public Map<String, String> environment() {
        return environment;
    }

    public Path workingDir() {
        return workingDir;
    }

    /** Whether {@code org.dflib.jjava.jupyter.Extension}s on the class path are installed at start. */
    public boolean loadExtensions() {
        return loadExtensions;
    }

    /** Code run before the first cell (imports), after {@link JrunsKernel#DEFAULT_IMPORTS}. */
    public List<String> startupSnippets() {
        return startupSnippets;
    }

    /** Builder for {@link KernelOptions}. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private Path workingDir = Path.of("");
        private boolean loadExtensions = true;
        private final List<String> startupSnippets = new ArrayList<>();

        public Builder environment(Map<String, String> env) {
            this.environment = env;
            return this;
        }

        public Builder workingDir(Path dir) {
            this.workingDir = dir;
            return this;
        }

        public Builder loadExtensions(boolean load) {
            this.loadExtensions = load;
            return this;
        }

        public Builder startupSnippet(String code) {
            this.startupSnippets.add(code);
            return this;
        }

        public KernelOptions build() {
            return new KernelOptions(this);
        }
    }
}
