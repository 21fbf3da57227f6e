package io.jruns.magics.notebook;

import io.jruns.ActiveRun;
import io.jruns.RunContext;
import io.jruns.domain.SystemTags;
import io.jruns.source.FileDigest;
import io.jruns.source.GitInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tags for a run started from a notebook: its path, its revision (SHA-256 of the saved file,
 * and git commit/branch/remote/dirty when in a repository), the kernel and Java versions.
 * Each run also stores a copy of the notebook file, so the version that made it can be
 * opened later, offline.
 */
public final class NotebookRunContext implements RunContext {
    public static final String NOTEBOOK_ARTIFACT_DIR = "notebook";
    /** Set to JOB by `jruns execute`; a notebook run by hand is NOTEBOOK. */
    public static final String SOURCE_TYPE_ENV = "JRUNS_SOURCE_TYPE";
    /** Set by `jruns execute -p ...` to the options as typed. */
    public static final String EXECUTE_PARAMETERS_ENV = "JRUNS_EXECUTE_PARAMETERS";

    private final Supplier<Optional<Path>> notebook;
    private final String kernelVersion;

    public NotebookRunContext(Supplier<Optional<Path>> notebook, String kernelVersion) {
        this.notebook = notebook;
        this.kernelVersion = kernelVersion;
    }

    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SystemTags.USER, System.getProperty("user.name", "unknown"));
        String type = System.getenv(SOURCE_TYPE_ENV);
        tags.put(SystemTags.SOURCE_TYPE, type == null || type.isBlank() ? "NOTEBOOK" : type.trim());
        Optional<Path> nb = notebook.get();
        // an unknown notebook leaves the tag out (MLflow's own runs may lack it): a placeholder
        // would be stored, exported and matched by filters as if it were a path
        nb.ifPresent(p -> tags.put(SystemTags.SOURCE_NAME, p.toString()));
        nb.filter(Files::isRegularFile).ifPresent(p -> {
            tags.put(SystemTags.NOTEBOOK_REVISION, FileDigest.sha256(p));
            GitInfo.of(p).ifPresent(g -> tags.putAll(g.tags()));
        });
        String parameters = System.getenv(EXECUTE_PARAMETERS_ENV);
        if (parameters != null && !parameters.isBlank()) tags.put(SystemTags.EXECUTE_PARAMETERS, parameters.strip());
        tags.put(SystemTags.KERNEL_VERSION, kernelVersion);
        tags.put(SystemTags.JAVA_VERSION, System.getProperty("java.version"));
        return tags;
    }

    @Override
    public void onRunStarted(ActiveRun run) {
        notebook.get().filter(Files::isRegularFile).ifPresent(p -> run.logArtifact(p, NOTEBOOK_ARTIFACT_DIR));
    }

    @Override
    public Optional<String> defaultExperimentName() {
        return notebook.get().map(NotebookRunContext::experimentNameFor);
    }

    @Override
    public Optional<String> defaultExperimentSource() {
        return notebook.get().map(p -> p.toAbsolutePath().normalize().toString());
    }

    /**
     * The name a notebook's experiment is created with: its path from the Jupyter server's root
     * (what {@code JPY_SESSION_NAME} says, e.g. {@code notebooks/quickstart.ipynb}), as
     * Databricks names it by its workspace path; the absolute path when no root is known. An
     * experiment the notebook already owns ({@link #defaultExperimentSource}) is kept whatever
     * this name says (DefaultExperiments).
     */
    public static String experimentNameFor(Path notebookPath) {
        return experimentNameFor(notebookPath, System.getenv("JPY_SESSION_NAME"));
    }

    static String experimentNameFor(Path notebookPath, String sessionName) {
        Path abs = notebookPath.toAbsolutePath().normalize();
        if (sessionName != null && !sessionName.isBlank()) {
            Path relative = Path.of(sessionName.strip()).normalize();
            if (!relative.isAbsolute() && !relative.startsWith("..") && abs.endsWith(relative)) {
                return relative.toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }
}
