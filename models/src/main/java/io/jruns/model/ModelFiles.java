package io.jruns.model;

import io.jruns.TrackingClient;
import io.jruns.domain.JrunsException;
import io.jruns.domain.FileInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Copies a logged model's files from any store into a local folder, through the store's artifact calls. */
final class ModelFiles {
    private ModelFiles() {
    }

    static Path fetch(TrackingClient reader, String runId, String artifactPath, Path into) {
        List<FileInfo> top = reader.listArtifacts(runId, artifactPath);
        if (top.stream().noneMatch(f -> !f.isDir() && f.path().equals(artifactPath + "/" + MlModel.FILE))) {
            throw JrunsException.notFound("run " + runId + " has no model at '" + artifactPath + "' (no "
                    + artifactPath + "/" + MlModel.FILE + " among its artifacts)");
        }
        copy(reader, runId, artifactPath, top, into);
        return into;
    }

    private static void copy(TrackingClient reader, String runId, String base, List<FileInfo> entries, Path into) {
        for (FileInfo f : entries) {
            String relative = f.path().substring(base.length() + 1);
            if (f.isDir()) {
                copy(reader, runId, base, reader.listArtifacts(runId, f.path()), into);
                continue;
            }
            Path target = into.resolve(relative).normalize();
            if (!target.startsWith(into)) throw JrunsException.invalid("artifact path escapes the model folder: " + f.path());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(reader.downloadArtifact(runId, f.path()), target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + f.path() + ": " + e.getMessage(), e);
            }
        }
    }
}
