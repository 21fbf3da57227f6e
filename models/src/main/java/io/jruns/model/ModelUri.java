package io.jruns.model;

import io.jruns.domain.JrunsException;

import java.nio.file.Path;

/**
 * Where a model is: {@code runs:/<run_id>/<artifact path>} (MLflow's form), or a local
 * folder holding an MLmodel file (a path or {@code file:} URI).
 *
 * @param runId null for a local folder
 */
public record ModelUri(String runId, String artifactPath, Path folder) {

    public static ModelUri parse(String uri) {
        if (uri == null || uri.isBlank()) throw JrunsException.invalid("a model URI is empty: use runs:/<run_id>/<model name>");
        String u = uri.strip();
        if (u.startsWith("runs:")) {
            String rest = u.substring("runs:".length()).replaceFirst("^/+", "");
            int slash = rest.indexOf('/');
            String runId = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
            if (!runId.matches("[0-9a-f]{32}")) {
                throw JrunsException.invalid("model URI '" + u + "': '" + runId + "' is not a run id (32 hex characters)");
            }
            if (path.isEmpty()) throw JrunsException.invalid("model URI '" + u + "' names no model: use runs:/" + runId + "/<model name>");
            return new ModelUri(runId, path, null);
        }
        if (u.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !u.startsWith("file:")) {
            throw JrunsException.invalid("model URI '" + u + "': only runs:/<run_id>/<path> and local folders are supported");
        }
        return new ModelUri(null, null, u.startsWith("file:") ? Path.of(java.net.URI.create(u)) : Path.of(u));
    }

    public static String of(String runId, String artifactPath) {
        return "runs:/" + runId + "/" + artifactPath;
    }

    @Override
    public String toString() {
        return runId != null ? of(runId, artifactPath) : folder.toString();
    }
}
