package io.jruns.model;

import io.jruns.TrackingClient;
import io.jruns.domain.FileInfo;
import io.jruns.domain.SystemTags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a run's models: the paths its {@code mlflow.log-model.history} tag names, plus any
 * top-level artifact folder holding an MLmodel file (a model logged by other tools, or one
 * the tag had to forget). Each is read from its MLmodel file.
 */
final class ModelListing {
    private ModelListing() {
    }

    static List<MlModel> list(TrackingClient reader, String runId) {
        List<String> paths = new ArrayList<>(ModelHistory.artifactPaths(
                reader.getRun(runId).data().tags().get(SystemTags.LOG_MODEL_HISTORY)));
        for (FileInfo f : reader.listArtifacts(runId, "")) {
            if (f.isDir() && !paths.contains(f.path())
                    && reader.listArtifacts(runId, f.path()).stream().anyMatch(x -> x.path().equals(f.path() + "/" + MlModel.FILE))) {
                paths.add(f.path());
            }
        }
        List<MlModel> out = new ArrayList<>();
        for (String p : paths) {
            boolean present = reader.listArtifacts(runId, p).stream().anyMatch(x -> x.path().equals(p + "/" + MlModel.FILE));
            if (!present) continue;
            try {
                out.add(MlModel.parse(Files.readString(reader.downloadArtifact(runId, p + "/" + MlModel.FILE)), p + "/" + MlModel.FILE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + "/" + MlModel.FILE + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                // an MLmodel file we cannot read is not a model we can offer
            }
        }
        return out;
    }
}
