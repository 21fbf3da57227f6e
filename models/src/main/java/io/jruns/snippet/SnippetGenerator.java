package io.jruns.snippet;


import io.jruns.domain.JrunsException;
import io.jruns.model.ColumnSpec;
import io.jruns.model.MlModel;
import io.jruns.model.ModelUri;
import io.jruns.model.Models;
import io.jruns.model.Requirements;
import io.jruns.TrackingClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prediction snippets for a logged model, MLflow's "code snippets for prediction" in Java:
 * the model's URI, its input columns (from the signature, so from the input example), and the
 * libraries to add. The run page and {@code %snippet} call {@link #forRun}.
 */
public final class SnippetGenerator {
    /** Where the tablesaw snippet reads its input unless told otherwise. */
    public static final String DEFAULT_CSV = "input.csv";

    private SnippetGenerator() {
    }

    /**
     * Snippets for a model of a run: {@code modelPath} names it (its artifact folder), or null
     * for the run's latest model.
     */
    public static Snippets forRun(TrackingClient reader, String runId, String modelPath, String csvPath) {
        List<MlModel> models = Models.list(reader, runId);
        if (models.isEmpty()) throw JrunsException.notFound("run " + runId + " has no logged model");
        MlModel model;
        if (modelPath == null || modelPath.isBlank()) {
            model = models.get(models.size() - 1);
        } else {
            String p = modelPath.strip().replaceAll("/+$", "");
            model = models.stream().filter(m -> p.equals(m.artifactPath())).findFirst()
                    .orElseThrow(() -> JrunsException.notFound("run " + runId + " has no model '" + p + "' (it has "
                            + String.join(", ", models.stream().map(MlModel::artifactPath).toList()) + ")"));
        }
        return forModel(ModelUri.of(runId, model.artifactPath()), model, requirements(reader, runId, model), csvPath);
    }

    public static Snippets forModel(String uri, MlModel model, Requirements requirements, String csvPath) {
        List<ColumnSpec> inputs = model.signature() == null ? List.of() : model.signature().inputs();
        List<ColumnSpec> outputs = model.signature() == null ? List.of() : model.signature().outputs();
        String mavenLine = requirements == null ? "" : requirements.mavenLine();
        String jarsLine = requirements == null ? "" : requirements.jarsLine();
        String csv = csvPath == null || csvPath.isBlank() ? DEFAULT_CSV : csvPath;
        return new Snippets(uri, inputs, outputs, TablesawSnippet.text(uri, inputs, mavenLine, jarsLine, csv),
                SparkSnippet.text(uri, inputs, outputs, mavenLine, jarsLine, csv));
    }

    private static Requirements requirements(TrackingClient reader, String runId, MlModel model) {
        String env = model.javaFunction().map(f -> f.get("env")).orElse(null);
        if (env == null) return null;
        String path = model.artifactPath() + "/" + env;
        if (reader.listArtifacts(runId, model.artifactPath()).stream().noneMatch(f -> f.path().equals(path))) return null;
        try {
            Path file = reader.downloadArtifact(runId, path);
            return Requirements.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
